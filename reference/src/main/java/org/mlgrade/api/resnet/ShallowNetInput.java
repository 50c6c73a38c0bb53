package org.mlgrade.api.resnet;

import java.util.Objects;

/**
 * Input of {@link ResNet#shallowNet}.
 *
 * @param images the image batch, shape (N, 1, H, W) with {@code H >= 3} and {@code W >= 3} (so
 *     that the stem leaves at least 2x2 for the max-pool)
 * @param stemConv weight of the stem convolution, shape (C, 1, 3, 3)
 * @param stemBn the BatchNorm2d(C) after the stem convolution
 * @param block the residual block's parameters, for the same C
 * @param fcWeight weight of the final Linear(C, 10), PyTorch layout (10, C)
 * @param fcBias bias of the final Linear, length 10
 * @param mode TRAINING or EVAL, for all three BatchNorm layers; in TRAINING mode the block's input
 *     must have more than one value per channel: {@code N * H2 * W2 > 1} with the sizes {@code H2,
 *     W2} of {@link ResNet#shallowNet}
 */
public record ShallowNetInput(
    double[][][][] images,
    double[][][][] stemConv,
    BatchNormParams stemBn,
    BlockParams block,
    double[][] fcWeight,
    double[] fcBias,
    Mode mode) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param images the image batch, shape (N, 1, H, W) with {@code H >= 3} and {@code W >= 3} (so
   *     that the stem leaves at least 2x2 for the max-pool)
   * @param stemConv weight of the stem convolution, shape (C, 1, 3, 3)
   * @param stemBn the BatchNorm2d(C) after the stem convolution
   * @param block the residual block's parameters, for the same C
   * @param fcWeight weight of the final Linear(C, 10), PyTorch layout (10, C)
   * @param fcBias bias of the final Linear, length 10
   * @param mode TRAINING or EVAL, for all three BatchNorm layers; in TRAINING mode the block's
   *     input must have more than one value per channel: {@code N * H2 * W2 > 1} with the sizes
   *     {@code H2, W2} of {@link ResNet#shallowNet}
   */
  public ShallowNetInput {
    int[] shape = Shapes.of4("images", images);
    if (shape[1] != 1) {
      throw new IllegalArgumentException(
          "images must have shape (N, 1, H, W) (one grey channel), got " + Shapes.show(shape));
    }
    if (shape[2] < 3 || shape[3] < 3) {
      throw new IllegalArgumentException(
          "images " + Shapes.show(shape) + " are too small: H and W must be >= 3 so that the stem"
              + " convolution leaves at least 2x2 for MaxPool2d(2)");
    }
    Objects.requireNonNull(stemConv, "stemConv must not be null");
    int c = stemConv.length;
    Shapes.require4("stemConv", stemConv, c, 1, 3, 3);
    Objects.requireNonNull(stemBn, "stemBn must not be null");
    if (stemBn.gamma().length != c) {
      throw new IllegalArgumentException(
          "stemBn must have C = " + c + " channels like stemConv, got " + stemBn.gamma().length);
    }
    Objects.requireNonNull(block, "block must not be null");
    if (block.conv1().length != c) {
      throw new IllegalArgumentException(
          "block must have C = " + c + " channels like stemConv, got " + block.conv1().length);
    }
    Shapes.require2("fcWeight", fcWeight, 10, c);
    Shapes.require1("fcBias", fcBias, 10);
    Objects.requireNonNull(mode, "mode must be TRAINING or EVAL, got null");
    int h2 = ((shape[2] - 1) / 2 + 1) / 2;
    int w2 = ((shape[3] - 1) / 2 + 1) / 2;
    Shapes.requireBatchStatistics(
        "block input " + Shapes.show(shape[0], c, h2, w2), mode, shape[0], h2, w2);
  }
}
