package org.mlgrade.api.resnet;

import java.util.Objects;

/**
 * Input of {@link ResNet#batchNorm}.
 *
 * @param x the input tensor, shape (N, C, H, W), {@code x[n][c][h][w]}
 * @param bn the layer's parameters, each of length C
 * @param mode {@link Mode#TRAINING} or {@link Mode#EVAL}; in TRAINING mode {@code N * H * W} must
 *     be greater than 1 (PyTorch's rule), so {@code N = 1} is fine when {@code H * W > 1}
 */
public record BatchNormInput(double[][][][] x, BatchNormParams bn, Mode mode) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param x the input tensor, shape (N, C, H, W), {@code x[n][c][h][w]}
   * @param bn the layer's parameters, each of length C
   * @param mode {@link Mode#TRAINING} or {@link Mode#EVAL}; in TRAINING mode {@code N * H * W} must
   *     be greater than 1 (PyTorch's rule), so {@code N = 1} is fine when {@code H * W > 1}
   */
  public BatchNormInput {
    int[] shape = Shapes.of4("x", x);
    Objects.requireNonNull(bn, "bn must not be null");
    Objects.requireNonNull(mode, "mode must be TRAINING or EVAL, got null");
    if (bn.gamma().length != shape[1]) {
      throw new IllegalArgumentException(
          "bn has " + bn.gamma().length + " channels but x " + Shapes.show(shape) + " has C = "
              + shape[1]);
    }
    Shapes.requireBatchStatistics("x " + Shapes.show(shape), mode, shape[0], shape[2], shape[3]);
  }
}
