package org.mlgrade.reference.problems.resnet;

import org.mlgrade.api.resnet.Mode;
import org.mlgrade.api.resnet.ResNet;
import org.mlgrade.reference.KnownMistake;

/**
 * Wrong answers students give, each the reference with one step replaced. The same mistake object
 * serves every problem it applies to, so that a student who gets BatchNorm wrong is told the same
 * thing for the block and the network.
 */
final class ResNetMistakes {

  private ResNetMistakes() {}

  /** Normalises with the unbiased variance {@code sum (x - mean)^2 / (m - 1)} in training mode. */
  static KnownMistake<ResNet> unbiasedVarianceInTraining() {
    return new KnownMistake<>(
        "unbiased-variance-in-training",
        "BatchNorm in TRAINING mode must normalise with the biased batch variance (divide by"
            + " N*H*W); the unbiased one (divide by N*H*W - 1) is only for the running variance.",
        new ResNetReference() {
          @Override
          protected double normalisingVariance(double biased, double unbiased) {
            return unbiased;
          }
        });
  }

  /** Normalises with the batch statistics in eval mode too (running statistics not updated). */
  static KnownMistake<ResNet> evalUsesBatchStatistics() {
    return new KnownMistake<>(
        "eval-uses-batch-statistics",
        "BatchNorm in EVAL mode must normalise with the running mean and running variance given in"
            + " the input, not with the statistics of the current batch.",
        new ResNetReference() {
          @Override
          protected boolean useBatchStatistics(Mode mode) {
            return true;
          }
        });
  }

  /** Updates the running variance with the biased batch variance. */
  static KnownMistake<ResNet> runningVarBiased() {
    return new KnownMistake<>(
        "running-var-biased",
        "The running variance must be updated with the unbiased batch variance (divide by"
            + " N*H*W - 1), as PyTorch does, not with the biased one used for normalising.",
        new ResNetReference() {
          @Override
          protected double runningVarianceSample(double biased, double unbiased) {
            return biased;
          }
        });
  }

  /** Keeps 10% of the old running statistic and takes 90% of the batch's (Keras' convention). */
  static KnownMistake<ResNet> momentumKerasConvention() {
    return new KnownMistake<>(
        "momentum-keras-convention",
        "PyTorch's momentum 0.1 is the weight of the new batch statistic: running = 0.9 * running"
            + " + 0.1 * batch, not 0.1 * running + 0.9 * batch.",
        new ResNetReference() {
          @Override
          protected double updateRunning(double running, double batch) {
            return MOMENTUM * running + (1 - MOMENTUM) * batch;
          }
        });
  }

  /** Divides by {@code sqrt(var) + eps} instead of {@code sqrt(var + eps)}. */
  static KnownMistake<ResNet> epsOutsideSqrt() {
    return new KnownMistake<>(
        "eps-outside-sqrt",
        "BatchNorm divides by sqrt(var + eps), with eps inside the square root, not by"
            + " sqrt(var) + eps.",
        new ResNetReference() {
          @Override
          protected double standardDeviation(double var) {
            return Math.sqrt(var) + EPS;
          }
        });
  }

  /** {@code ReLU(BN2(...)) + x}: the ReLU before the skip connection. */
  static KnownMistake<ResNet> reluBeforeResidualAdd() {
    return new KnownMistake<>(
        "relu-before-residual-add",
        "The block's last ReLU comes after the skip connection: ReLU(x + BN2(...)), not"
            + " ReLU(BN2(...)) + x.",
        new ResNetReference() {
          @Override
          protected double[][][][] residualOutput(double[][][][] branch, double[][][][] x) {
            return add(relu(branch), x);
          }
        });
  }

  /** {@code x + BN2(...)} without the final ReLU. */
  static KnownMistake<ResNet> missingFinalRelu() {
    return new KnownMistake<>(
        "missing-final-relu",
        "The block ends with a ReLU applied to x + BN2(...); the output cannot be negative.",
        new ResNetReference() {
          @Override
          protected double[][][][] residualOutput(double[][][][] branch, double[][][][] x) {
            return add(branch, x);
          }
        });
  }

  /** A true convolution (kernel flipped in both directions) instead of PyTorch's correlation. */
  static KnownMistake<ResNet> convFlippedKernel() {
    return new KnownMistake<>(
        "conv-flipped-kernel",
        "PyTorch's Conv2d is a cross-correlation: the weight w[o][c][a][b] multiplies the input at"
            + " offset (a, b) without flipping the kernel.",
        new ResNetReference() {
          @Override
          protected double kernel(double[][][][] w, int o, int c, int a, int b) {
            return w[o][c][w[o][c].length - 1 - a][w[o][c][a].length - 1 - b];
          }
        });
  }

  /** The stem convolution without its zero padding. */
  static KnownMistake<ResNet> stemConvWithoutPadding() {
    return new KnownMistake<>(
        "stem-conv-without-padding",
        "The stem convolution uses padding 1 (one ring of zeros around the image), so its output"
            + " is floor((H - 1) / 2) + 1 rows, not floor((H - 3) / 2) + 1.",
        new ResNetReference() {
          @Override
          protected int stemPadding() {
            return 0;
          }
        });
  }

  /** Global max-pooling instead of the average. */
  static KnownMistake<ResNet> globalMaxPool() {
    return new KnownMistake<>(
        "global-max-pool",
        "AdaptiveAvgPool2d(1) takes the mean of each channel over H and W, not the maximum.",
        new ResNetReference() {
          @Override
          protected double[][] globalPool(double[][][][] x) {
            double[][] out = new double[x.length][x[0].length];
            for (int n = 0; n < x.length; n++) {
              for (int c = 0; c < x[0].length; c++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double[] row : x[n][c]) {
                  for (double v : row) {
                    max = Math.max(max, v);
                  }
                }
                out[n][c] = max;
              }
            }
            return out;
          }
        });
  }
}
