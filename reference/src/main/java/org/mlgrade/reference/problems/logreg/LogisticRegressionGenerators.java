package org.mlgrade.reference.problems.logreg;

import static org.mlgrade.reference.problems.RandomArrays.uniform;
import static org.mlgrade.reference.problems.RandomArrays.vector;

import java.util.SplittableRandom;
import org.mlgrade.api.logreg.LogisticModel;
import org.mlgrade.api.logreg.LossInput;
import org.mlgrade.api.logreg.SgdEpochInput;
import org.mlgrade.api.logreg.SgdStepInput;
import org.mlgrade.reference.InputGenerator;

/**
 * Seeded inputs: the first indices are the Javadoc examples and the large-|z| cases (where a naive
 * loss overflows and where {@code z} and {@code sigmoid(z)} differ most), then random models and
 * data with 1 to 6 features.
 */
final class LogisticRegressionGenerators {

  private LogisticRegressionGenerators() {}

  static InputGenerator<SgdStepInput> step() {
    return (random, index) -> switch (index) {
      // Javadoc example: w = (0.25, 0.5), b = 0.25 after the step
      case 0 -> new SgdStepInput(model(0, 0, 0), new double[] {1, 2}, 1, 0.5);
      // z = 300 + 100 + 10 + 1 = 411 with the wrong label: sigmoid(z) - y = 1
      case 1 -> new SgdStepInput(model(1, 10, -5, 2), new double[] {30, -20, 5}, 0, 0.1);
      // z = -411 with label 1: sigmoid(z) - y = -1
      case 2 -> new SgdStepInput(model(-1, -10, 5, -2), new double[] {30, -20, 5}, 1, 0.1);
      // z = 411 with the right label: the model barely moves
      case 3 -> new SgdStepInput(model(1, 10, -5, 2), new double[] {30, -20, 5}, 1, 0.1);
      // one feature, z = -0.5
      case 4 -> new SgdStepInput(model(0.5, -1), new double[] {1}, 0, 1.0);
      default -> {
        int d = 1 + random.nextInt(6);
        yield new SgdStepInput(randomModel(random, d, 2), vector(random, d, 3),
            random.nextInt(2), uniform(random, 0.01, 1));
      }
    };
  }

  static InputGenerator<SgdEpochInput> epoch() {
    return (random, index) -> switch (index) {
      // Javadoc example: w = (-0.2310586), b = -0.2310586 after the epoch
      case 0 -> new SgdEpochInput(model(0, 0), new double[][] {{1}, {1}}, new int[] {1, 0}, 1);
      // large |z| on the way: z = 411 (y = 0), then from the moved model again
      case 1 -> new SgdEpochInput(model(1, 10, -5, 2),
          new double[][] {{30, -20, 5}, {-30, 20, -5}, {1, 1, 1}}, new int[] {0, 1, 1}, 0.1);
      // a single example: an epoch is one step
      case 2 -> new SgdEpochInput(model(0.5, -1, 1), new double[][] {{2, -1}}, new int[] {1},
          0.3);
      default -> {
        int d = 1 + random.nextInt(5);
        int n = 2 + random.nextInt(7);
        double[][] xs = new double[n][];
        int[] ys = new int[n];
        for (int k = 0; k < n; k++) {
          xs[k] = vector(random, d, 3);
          ys[k] = random.nextInt(2);
        }
        yield new SgdEpochInput(randomModel(random, d, 1), xs, ys, uniform(random, 0.01, 1));
      }
    };
  }

  static InputGenerator<LossInput> loss() {
    return (random, index) -> switch (index) {
      // Javadoc example: losses 0.3132617 and 0.0788897, mean 0.1960757
      case 0 -> new LossInput(model(0.5, 1, -1), new double[][] {{1, 0.5}, {0, 3}},
          new int[] {1, 0});
      // z = 800, 800, -800, -800, 40, -40 with both labels: losses 800, 0, 0, 800, 40, 40 (about)
      case 1 -> new LossInput(model(0, 100),
          new double[][] {{8}, {8}, {-8}, {-8}, {0.4}, {-0.4}}, new int[] {0, 1, 0, 1, 0, 1});
      // a single example with z = 0: loss log 2
      case 2 -> new LossInput(model(0, 0, 0, 0), new double[][] {{1, 2, 3}}, new int[] {1});
      default -> {
        int d = 1 + random.nextInt(6);
        int n = 1 + random.nextInt(8);
        // every third model is scaled up so that some |z| reach the hundreds
        double scale = index % 3 == 0 ? 100 : 2;
        double[][] xs = new double[n][];
        int[] ys = new int[n];
        for (int k = 0; k < n; k++) {
          xs[k] = vector(random, d, 3);
          ys[k] = random.nextInt(2);
        }
        yield new LossInput(randomModel(random, d, scale), xs, ys);
      }
    };
  }

  private static LogisticModel model(double b, double... w) {
    return new LogisticModel(w, b);
  }

  private static LogisticModel randomModel(SplittableRandom random, int d, double scale) {
    return new LogisticModel(vector(random, d, scale), uniform(random, -scale / 2, scale / 2));
  }
}
