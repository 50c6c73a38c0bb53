package org.mlgrade.api.resnet;

/**
 * Output of {@link ResNet#batchNorm}.
 *
 * @param y the normalised tensor, same shape (N, C, H, W) as the input
 * @param running the running statistics after the pass: updated in TRAINING mode, equal to the
 *     input's in EVAL mode
 */
public record BatchNormOutput(double[][][][] y, RunningStats running) {}
