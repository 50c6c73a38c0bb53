package org.mlgrade.reference.problems.naivebayes;

import java.util.SplittableRandom;
import org.mlgrade.api.naivebayes.GaussianModel;
import org.mlgrade.api.naivebayes.LabelledData;
import org.mlgrade.api.naivebayes.PosteriorQuery;
import org.mlgrade.reference.InputGenerator;

/** Seeded inputs of the naive Bayes problems: hand examples and edge cases first, then random. */
final class NaiveBayesInputs {

  private NaiveBayesInputs() {}

  /** The training set of the Javadoc: x = 0, 2 in class 0 and x = 4, 6, 8 in class 1. */
  static LabelledData handData() {
    return new LabelledData(new double[][] {{0}, {2}, {4}, {6}, {8}}, new int[] {0, 0, 1, 1, 1},
        2);
  }

  /** The model fitted to {@link #handData()}: π = [0.4, 0.6], μ = [1, 6], σ^2 = 2. */
  static GaussianModel handModel() {
    return new GaussianModel(new double[] {0.4, 0.6}, new double[][] {{1}, {6}},
        new double[] {2});
  }

  /**
   * Training sets: the hand example, a single class, one example per class (every variance 0), a
   * feature constant within each class, unequal class sizes; then random clusters.
   */
  static InputGenerator<LabelledData> data() {
    return (random, index) -> switch (index) {
      case 0 -> handData();
      case 1 -> new LabelledData(new double[][] {{1, -1}, {2, 0.5}, {4, 2}}, new int[] {0, 0, 0},
          1);
      case 2 -> new LabelledData(new double[][] {{0, 1}, {3, -2}, {1, 1}}, new int[] {2, 0, 1},
          3);
      case 3 -> new LabelledData(new double[][] {{1, 5}, {2, 5}, {3, 7}, {5, 7}, {9, 7}},
          new int[] {0, 0, 1, 1, 1}, 2);
      case 4 -> new LabelledData(
          new double[][] {{0, 0}, {1, 2}, {-1, 1}, {4, 4}, {5, 3}, {3, 3.5}, {4.5, 4}, {0, 9}},
          new int[] {0, 0, 0, 1, 1, 1, 1, 2}, 3);
      default -> randomData(random);
    };
  }

  private static LabelledData randomData(SplittableRandom random) {
    int classes = random.nextInt(2, 5);
    int d = random.nextInt(1, 4);
    int[] counts = new int[classes];
    int n = 0;
    for (int k = 0; k < classes; k++) {
      counts[k] = random.nextInt(1, 7);
      n += counts[k];
    }
    // labels in a shuffled order, so that classes are interleaved
    int[] y = new int[n];
    int at = 0;
    for (int k = 0; k < classes; k++) {
      for (int c = 0; c < counts[k]; c++) {
        y[at++] = k;
      }
    }
    for (int i = n - 1; i > 0; i--) {
      int swap = random.nextInt(i + 1);
      int label = y[i];
      y[i] = y[swap];
      y[swap] = label;
    }
    double[][] centres = new double[classes][d];
    for (double[] centre : centres) {
      for (int j = 0; j < d; j++) {
        centre[j] = random.nextDouble(-3, 3);
      }
    }
    double spread = random.nextDouble(0.3, 2);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = round(centres[y[i]][j] + spread * random.nextDouble(-1, 1));
      }
    }
    return new LabelledData(x, y, classes);
  }

  /**
   * Posterior queries: the hand model at a tie (3.5), near a mean (1) and far away (±1e4) where
   * exp(s_k) underflows; a single class; far points of a 2-D model; then random models and
   * points, a quarter of them far away.
   */
  static InputGenerator<PosteriorQuery> queries() {
    return (random, index) -> switch (index) {
      case 0 -> new PosteriorQuery(handModel(),
          new double[][] {{3.5}, {1}, {10000}, {-10000}});
      case 1 -> new PosteriorQuery(new GaussianModel(new double[] {1},
          new double[][] {{0, 1}}, new double[] {1, 0.5}), new double[][] {{0, 0}, {1e4, -1e4}});
      case 2 -> new PosteriorQuery(new GaussianModel(new double[] {0.2, 0.3, 0.5},
          new double[][] {{0, 0}, {2, 1}, {-1, 3}}, new double[] {0.5, 2}),
          new double[][] {{1, 1}, {1e4, 1e4}, {-2e4, 5e3}, {0.5, 2}});
      default -> randomQuery(random);
    };
  }

  private static PosteriorQuery randomQuery(SplittableRandom random) {
    int classes = random.nextInt(2, 5);
    int d = random.nextInt(1, 4);
    double[] priors = new double[classes];
    double sum = 0;
    for (int k = 0; k < classes; k++) {
      priors[k] = random.nextDouble(0.1, 1);
      sum += priors[k];
    }
    double[][] means = new double[classes][d];
    for (int k = 0; k < classes; k++) {
      priors[k] /= sum;
      for (int j = 0; j < d; j++) {
        means[k][j] = round(random.nextDouble(-3, 3));
      }
    }
    double[] variances = new double[d];
    for (int j = 0; j < d; j++) {
      variances[j] = round(random.nextDouble(0.2, 3));
    }
    double[][] x = new double[random.nextInt(1, 7)][d];
    for (double[] point : x) {
      double scale = random.nextInt(4) == 0 ? random.nextDouble(1e3, 1e5) : 1;
      for (int j = 0; j < d; j++) {
        point[j] = round(scale * random.nextDouble(-4, 4));
      }
    }
    return new PosteriorQuery(new GaussianModel(priors, means, variances), x);
  }

  /** Two decimals, so that inputs read well in rubric files and feedback. */
  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
