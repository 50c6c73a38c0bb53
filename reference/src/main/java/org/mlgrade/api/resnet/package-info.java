/**
 * Homework "ResNet": the forward pass of BatchNorm2d, of a residual basic block and of a shallow
 * residual network on (N, C, H, W) tensors, with PyTorch's semantics in training and eval mode.
 */
package org.mlgrade.api.resnet;
