package org.mlgrade.reference.problems.resnet;

import java.util.SplittableRandom;
import org.mlgrade.api.resnet.BatchNormInput;
import org.mlgrade.api.resnet.BatchNormParams;
import org.mlgrade.api.resnet.BlockInput;
import org.mlgrade.api.resnet.BlockParams;
import org.mlgrade.api.resnet.Mode;
import org.mlgrade.api.resnet.ShallowNetInput;
import org.mlgrade.reference.InputGenerator;

/**
 * Seeded inputs for the resnet problems. Values lie on a 1e-4 grid so that rubric files stay short
 * and every number is exact in JSON. The first indices are the edge cases: N = 1 with H * W > 1 in
 * training mode, H = W = 1 with N > 1, eval mode, a single channel, odd sizes for the stride-2
 * stem and the max-pool's floor.
 */
final class ResNetInputs {

  private ResNetInputs() {}

  /** Inputs of {@code resnet.batch-norm}. */
  static InputGenerator<BatchNormInput> batchNorm() {
    return (random, index) -> {
      int[] shape = switch (index) {
        case 0 -> new int[] {1, 2, 2, 3}; // N = 1 is fine when H * W > 1
        case 1 -> new int[] {3, 2, 1, 1}; // one value per image and channel
        case 2 -> new int[] {1, 1, 1, 1}; // eval mode only
        case 3 -> new int[] {2, 4, 3, 5};
        default -> new int[] {
            1 + random.nextInt(3), 1 + random.nextInt(4), 1 + random.nextInt(5),
            1 + random.nextInt(5)};
      };
      Mode mode = modeFor(random, index, shape[0] * shape[2] * shape[3]);
      double[][][][] x = tensor(random, shape, -2, 3);
      return new BatchNormInput(x, bnParams(random, shape[1]), mode);
    };
  }

  /** Inputs of {@code resnet.basic-block}. */
  static InputGenerator<BlockInput> basicBlock() {
    return (random, index) -> {
      int[] shape = switch (index) {
        case 0 -> new int[] {1, 1, 3, 3};
        case 1 -> new int[] {2, 2, 1, 1}; // padding only: the centre weight alone matters
        case 2 -> new int[] {1, 3, 1, 1}; // eval mode only
        case 3 -> new int[] {2, 4, 2, 5};
        default -> new int[] {
            1 + random.nextInt(3), 1 + random.nextInt(4), 1 + random.nextInt(5),
            1 + random.nextInt(5)};
      };
      Mode mode = modeFor(random, index, shape[0] * shape[2] * shape[3]);
      double[][][][] x = tensor(random, shape, -2, 2);
      return new BlockInput(x, blockParams(random, shape[1]), mode);
    };
  }

  /** Inputs of {@code resnet.shallow-net}. */
  static InputGenerator<ShallowNetInput> shallowNet() {
    return (random, index) -> {
      int[] size = switch (index) {
        case 0 -> new int[] {1, 2, 8, 8}; // N = 1, block input 2x2
        case 1 -> new int[] {2, 1, 5, 5}; // odd: stem 3x3, pool drops a row and a column
        case 2 -> new int[] {1, 4, 3, 3}; // smallest image, block input 1x1: eval mode only
        case 3 -> new int[] {2, 3, 7, 9};
        default -> new int[] {
            1 + random.nextInt(3), 1 + random.nextInt(4), 3 + random.nextInt(8),
            3 + random.nextInt(8)};
      };
      int n = size[0];
      int c = size[1];
      int h2 = ((size[2] - 1) / 2 + 1) / 2;
      int w2 = ((size[3] - 1) / 2 + 1) / 2;
      Mode mode = modeFor(random, index, n * h2 * w2);
      double[][][][] images = tensor(random, new int[] {n, 1, size[2], size[3]}, 0, 1);
      double[][][][] stem = tensor(random, new int[] {c, 1, 3, 3}, -0.8, 0.8);
      double[][] fcWeight = tensor(random, new int[] {1, 1, 10, c}, -0.8, 0.8)[0][0];
      double[] fcBias = tensor(random, new int[] {1, 1, 1, 10}, -0.2, 0.2)[0][0][0];
      return new ShallowNetInput(
          images, stem, bnParams(random, c), blockParams(random, c), fcWeight, fcBias, mode);
    };
  }

  /**
   * Training for the first two edge cases, eval for the third, then a coin flip; always eval when
   * there is only one value per channel, where training mode is undefined.
   */
  private static Mode modeFor(SplittableRandom random, int index, int valuesPerChannel) {
    boolean training = index < 2 || (index > 2 && random.nextBoolean());
    return training && valuesPerChannel > 1 ? Mode.TRAINING : Mode.EVAL;
  }

  private static BatchNormParams bnParams(SplittableRandom random, int c) {
    double[] gamma = new double[c];
    double[] beta = new double[c];
    double[] mean = new double[c];
    double[] var = new double[c];
    for (int i = 0; i < c; i++) {
      gamma[i] = grid(random, 0.5, 1.5) * (random.nextBoolean() ? 1 : -1);
      beta[i] = grid(random, -1, 1);
      mean[i] = grid(random, -0.5, 0.5);
      var[i] = grid(random, 0.5, 2);
    }
    return new BatchNormParams(gamma, beta, mean, var);
  }

  private static BlockParams blockParams(SplittableRandom random, int c) {
    double bound = 1.7 * Math.sqrt(2.0 / (9 * c)); // He-like scale: activations of order one
    return new BlockParams(
        tensor(random, new int[] {c, c, 3, 3}, -bound, bound),
        bnParams(random, c),
        tensor(random, new int[] {c, c, 3, 3}, -bound, bound),
        bnParams(random, c));
  }

  private static double[][][][] tensor(SplittableRandom random, int[] shape, double lo, double hi) {
    double[][][][] x = new double[shape[0]][shape[1]][shape[2]][shape[3]];
    for (double[][][] a : x) {
      for (double[][] b : a) {
        for (double[] row : b) {
          for (int j = 0; j < row.length; j++) {
            row[j] = grid(random, lo, hi);
          }
        }
      }
    }
    return x;
  }

  /** Uniform on [lo, hi], rounded to a multiple of 1e-4. */
  private static double grid(SplittableRandom random, double lo, double hi) {
    return Math.round((lo + (hi - lo) * random.nextDouble()) * 1e4) / 1e4;
  }
}
