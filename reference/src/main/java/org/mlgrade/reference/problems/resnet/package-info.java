/**
 * The trusted side of the "ResNet" homework: the PyTorch-exact reference forward passes, their
 * seeded input generators and the known mistakes of {@link org.mlgrade.api.resnet.ResNet}.
 */
package org.mlgrade.reference.problems.resnet;
