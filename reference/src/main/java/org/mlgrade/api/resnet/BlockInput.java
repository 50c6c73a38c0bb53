package org.mlgrade.api.resnet;

import java.util.Objects;

/**
 * Input of {@link ResNet#basicBlock}.
 *
 * @param x the block's input, shape (N, C, H, W)
 * @param block the block's parameters, for the same C
 * @param mode TRAINING or EVAL, for both BatchNorm layers; in TRAINING mode {@code N * H * W} must
 *     be greater than 1
 */
public record BlockInput(double[][][][] x, BlockParams block, Mode mode) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param x the block's input, shape (N, C, H, W)
   * @param block the block's parameters, for the same C
   * @param mode TRAINING or EVAL, for both BatchNorm layers; in TRAINING mode {@code N * H * W}
   *     must be greater than 1
   */
  public BlockInput {
    int[] shape = Shapes.of4("x", x);
    Objects.requireNonNull(block, "block must not be null");
    Objects.requireNonNull(mode, "mode must be TRAINING or EVAL, got null");
    if (block.conv1().length != shape[1]) {
      throw new IllegalArgumentException(
          "block has C = " + block.conv1().length + " channels but x " + Shapes.show(shape)
              + " has C = " + shape[1]);
    }
    Shapes.requireBatchStatistics("x " + Shapes.show(shape), mode, shape[0], shape[2], shape[3]);
  }
}
