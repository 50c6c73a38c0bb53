package org.mlgrade.api.resnet;

import java.util.Objects;

/**
 * The parameters of one residual basic block with C channels.
 *
 * @param conv1 weight of the first 3x3 convolution, PyTorch layout (out, in, kH, kW) = (C, C, 3, 3)
 * @param bn1 the BatchNorm2d(C) after the first convolution
 * @param conv2 weight of the second 3x3 convolution, shape (C, C, 3, 3)
 * @param bn2 the BatchNorm2d(C) after the second convolution
 */
public record BlockParams(
    double[][][][] conv1, BatchNormParams bn1, double[][][][] conv2, BatchNormParams bn2) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param conv1 weight of the first 3x3 convolution, PyTorch layout (out, in, kH, kW) = (C, C, 3,
   *     3)
   * @param bn1 the BatchNorm2d(C) after the first convolution
   * @param conv2 weight of the second 3x3 convolution, shape (C, C, 3, 3)
   * @param bn2 the BatchNorm2d(C) after the second convolution
   */
  public BlockParams {
    Objects.requireNonNull(conv1, "conv1 must not be null");
    int c = conv1.length;
    Shapes.require4("conv1", conv1, c, c, 3, 3);
    Shapes.require4("conv2", conv2, c, c, 3, 3);
    Objects.requireNonNull(bn1, "bn1 must not be null");
    Objects.requireNonNull(bn2, "bn2 must not be null");
    if (bn1.gamma().length != c || bn2.gamma().length != c) {
      throw new IllegalArgumentException(
          "bn1 and bn2 must have C = " + c + " channels like conv1 " + Shapes.show(c, c, 3, 3)
              + ", got " + bn1.gamma().length + " and " + bn2.gamma().length);
    }
  }
}
