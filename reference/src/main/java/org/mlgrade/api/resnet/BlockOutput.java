package org.mlgrade.api.resnet;

/**
 * Output of {@link ResNet#basicBlock}.
 *
 * @param y the block's output, same shape (N, C, H, W) as its input
 * @param bn1 running statistics of {@code bn1} after the pass (unchanged in EVAL mode)
 * @param bn2 running statistics of {@code bn2} after the pass (unchanged in EVAL mode)
 */
public record BlockOutput(double[][][][] y, RunningStats bn1, RunningStats bn2) {}
