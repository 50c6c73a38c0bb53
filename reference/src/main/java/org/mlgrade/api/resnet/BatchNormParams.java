package org.mlgrade.api.resnet;

import java.util.Objects;

/**
 * The parameters and buffers of one {@code BatchNorm2d(C)} layer, one entry per channel.
 *
 * @param gamma the affine weight, PyTorch's {@code bn.weight}, length C (any sign)
 * @param beta the affine bias, PyTorch's {@code bn.bias}, length C
 * @param runningMean the running mean before this forward pass, {@code bn.running_mean}, length C
 * @param runningVar the running variance before this forward pass, {@code bn.running_var}, length
 *     C, every entry {@code >= 0}
 */
public record BatchNormParams(
    double[] gamma, double[] beta, double[] runningMean, double[] runningVar) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param gamma the affine weight, PyTorch's {@code bn.weight}, length C (any sign)
   * @param beta the affine bias, PyTorch's {@code bn.bias}, length C
   * @param runningMean the running mean before this forward pass, {@code bn.running_mean}, length C
   * @param runningVar the running variance before this forward pass, {@code bn.running_var}, length
   *     C, every entry {@code >= 0}
   */
  public BatchNormParams {
    Objects.requireNonNull(gamma, "gamma must not be null");
    int c = gamma.length;
    if (c == 0) {
      throw new IllegalArgumentException("gamma must have one entry per channel, got none");
    }
    Shapes.require1("beta", beta, c);
    Shapes.require1("runningMean", runningMean, c);
    Shapes.require1("runningVar", runningVar, c);
    for (int i = 0; i < c; i++) {
      if (!(runningVar[i] >= 0)) {
        throw new IllegalArgumentException(
            "runningVar[" + i + "] must be a variance >= 0, got " + runningVar[i]);
      }
    }
  }
}
