package org.mlgrade.reference.problems.em;

import java.util.SplittableRandom;
import org.mlgrade.api.em.EStepInput;
import org.mlgrade.api.em.FitInput;
import org.mlgrade.api.em.FitOutput;
import org.mlgrade.api.em.LogLikelihoodInput;
import org.mlgrade.api.em.MStepInput;
import org.mlgrade.reference.InputGenerator;

/**
 * Seeded inputs of the EM problems. Small indices are the edge cases: the worked example of the
 * handout, K = 1, D = 784 (where a product of probabilities underflows), exact 0 and 1 in p, an
 * empty component, smoothing, a fit that stops on the tolerance; larger indices are random, with
 * D = 784 every sixth index.
 */
final class BernoulliMixtureInputs {

  /** D of a binarised 28x28 MNIST digit. */
  static final int MNIST = 784;

  private BernoulliMixtureInputs() {}

  /** Data and a mixture, shared by the E-step and log-likelihood inputs. */
  record Case(int[][] x, double[] pi, double[][] p) {}

  static final int[][] EXAMPLE_X = {{1, 0}, {0, 1}, {1, 1}};
  static final double[] EXAMPLE_PI = {0.6, 0.4};
  static final double[][] EXAMPLE_P = {{0.8, 0.2}, {0.2, 0.6}};
  static final double[][] EXAMPLE_R = {{12.0 / 13, 1.0 / 13}, {1.0 / 9, 8.0 / 9}, {2.0 / 3,
      1.0 / 3}};

  static InputGenerator<EStepInput> eStep() {
    return (random, index) -> {
      Case c = mixtureCase(random, index);
      return new EStepInput(c.x(), c.pi(), c.p());
    };
  }

  static InputGenerator<LogLikelihoodInput> logLikelihood() {
    return (random, index) -> {
      Case c = mixtureCase(random, index);
      return new LogLikelihoodInput(c.x(), c.pi(), c.p());
    };
  }

  static Case mixtureCase(SplittableRandom random, int index) {
    switch (index) {
      case 0:
        return new Case(copy(EXAMPLE_X), EXAMPLE_PI.clone(), BernoulliMixtureReference.copy(
            EXAMPLE_P));
      case 1: // K = 1
        return new Case(data(random, 4, 5), new double[] {1.0}, means(random, 1, 5));
      case 2: // D = 784, confident means: every pi_k prod_d (...) underflows
        return new Case(data(random, 5, MNIST), weights(random, 3), confident(random, 3, MNIST));
      case 3: { // exact 0 and 1 in p, and a component of weight 0
        double[][] p = means(random, 3, 6);
        p[1][0] = 0;
        p[1][1] = 1;
        p[2][2] = 0;
        p[2][3] = 1;
        double w = 0.2 + 0.6 * random.nextDouble();
        return new Case(data(random, 5, 6), new double[] {w, 1 - w, 0}, p);
      }
      default: {
        int k = 1 + random.nextInt(4);
        if (index % 6 == 5) {
          return new Case(data(random, 2 + random.nextInt(5), MNIST), weights(random, k),
              confident(random, k, MNIST));
        }
        int d = 1 + random.nextInt(12);
        return new Case(data(random, 1 + random.nextInt(8), d), weights(random, k),
            means(random, k, d));
      }
    }
  }

  static InputGenerator<MStepInput> mStep() {
    return (random, index) -> {
      switch (index) {
        case 0:
          return new MStepInput(copy(EXAMPLE_X), BernoulliMixtureReference.copy(EXAMPLE_R),
              BernoulliMixtureReference.copy(EXAMPLE_P), 0);
        case 1: // K = 1: every responsibility is 1
          return new MStepInput(data(random, 4, 5), ones(4), means(random, 1, 5), 0);
        case 2: // component 1 is empty
          return new MStepInput(data(random, 4, 5), responsibilities(random, 4, 3, 1),
              means(random, 3, 5), 0);
        case 3: // component 0 is empty, with smoothing
          return new MStepInput(data(random, 5, 4), responsibilities(random, 5, 2, 0),
              means(random, 2, 4), 1);
        case 4: // D = 784, nearly one-hot responsibilities as the E-step gives them there
          return new MStepInput(data(random, 6, MNIST), sharp(random, 6, 3), means(random, 3,
              MNIST), 0);
        case 5: // smoothing
          return new MStepInput(data(random, 5, 6), responsibilities(random, 5, 3, -1),
              means(random, 3, 6), 0.5);
        default: {
          int n = 1 + random.nextInt(8);
          int k = 1 + random.nextInt(4);
          int d = index % 6 == 5 ? MNIST : 1 + random.nextInt(12);
          int empty = k >= 2 && random.nextInt(5) == 0 ? random.nextInt(k) : -1;
          double alpha = random.nextBoolean() ? 0 : 2 * random.nextDouble();
          return new MStepInput(data(random, n, d), responsibilities(random, n, k, empty),
              means(random, k, d), alpha);
        }
      }
    };
  }

  static InputGenerator<FitInput> fit() {
    return (random, index) -> {
      switch (index) {
        case 0:
          return new FitInput(copy(EXAMPLE_X), EXAMPLE_PI.clone(),
              BernoulliMixtureReference.copy(EXAMPLE_P), 1, 0, 0);
        case 1: // K = 1
          return new FitInput(data(random, 5, 6), new double[] {1.0}, means(random, 1, 6), 3, 0,
              0);
        case 2: // D = 784 from confident initial means: products underflow
          return new FitInput(data(random, 6, MNIST), weights(random, 2),
              confident(random, 2, MNIST), 5, 0, 0);
        case 3: { // all-zero columns, like MNIST borders: p reaches exactly 0
          int[][] x = data(random, 6, 10);
          for (int[] row : x) {
            row[0] = 0;
            row[1] = 0;
            row[9] = 0;
          }
          return new FitInput(x, weights(random, 2), means(random, 2, 10), 5, 0, 0);
        }
        case 4: // stops on the tolerance
          return withTolerance(random, new FitInput(data(random, 8, 8), weights(random, 2),
              means(random, 2, 8), 40, 0, 0));
        case 5: // smoothing
          return new FitInput(data(random, 7, 6), weights(random, 3), means(random, 3, 6), 6, 0,
              1);
        default: {
          int k = 1 + random.nextInt(3);
          boolean mnist = index % 6 == 5;
          int n = mnist ? 4 + random.nextInt(5) : 2 + random.nextInt(9);
          int d = mnist ? MNIST : 2 + random.nextInt(11);
          double[][] p = mnist && random.nextBoolean() ? confident(random, k, d)
              : means(random, k, d);
          double alpha = random.nextInt(3) == 0 ? random.nextDouble() : 0;
          FitInput input = new FitInput(data(random, n, d), weights(random, k), p,
              1 + random.nextInt(8), 0, alpha);
          return random.nextBoolean() ? withTolerance(random, input) : input;
        }
      }
    };
  }

  /**
   * The same fit with a tolerance that stops it at a random iteration s, chosen far from every
   * improvement so that rounding cannot change where a correct fit stops: L_s - L_{s-1} is below
   * the tolerance (2 (L_s - L_{s-1})) by a factor 2, and every earlier improvement above it by as
   * much.
   * When no iteration qualifies the input is returned unchanged (tolerance 0).
   */
  static FitInput withTolerance(SplittableRandom random, FitInput input) {
    FitOutput full = new BernoulliMixtureReference().fit(input);
    double[] trace = full.logLikelihoods();
    int iterations = full.iterations();
    double[] candidates = new double[iterations + 1];
    int count = 0;
    double smallestBefore = Double.POSITIVE_INFINITY;
    for (int s = 1; s <= iterations; s++) {
      double gain = trace[s] - trace[s - 1];
      double noise = 1e-8 * (1 + Math.abs(trace[s]));
      if (gain > noise && 4 * gain <= smallestBefore) {
        candidates[count++] = 2 * gain;
      }
      smallestBefore = Math.min(smallestBefore, gain);
      if (!(smallestBefore > noise)) {
        break;
      }
    }
    if (count == 0) {
      return input;
    }
    double tolerance = candidates[random.nextInt(count)];
    return new FitInput(input.x(), input.pi(), input.p(), input.maxIterations(), tolerance,
        input.smoothing());
  }

  /** N x D data, each entry 1 with probability 1/2. */
  static int[][] data(SplittableRandom random, int n, int d) {
    int[][] x = new int[n][d];
    for (int[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextInt(2);
      }
    }
    return x;
  }

  /** K positive mixing weights: 0.1 plus an exponential draw each, normalised to sum to 1. */
  static double[] weights(SplittableRandom random, int k) {
    if (k == 1) {
      return new double[] {1.0};
    }
    double[] pi = new double[k];
    double sum = 0;
    for (int c = 0; c < k; c++) {
      pi[c] = 0.1 - Math.log(1 - random.nextDouble());
      sum += pi[c];
    }
    for (int c = 0; c < k; c++) {
      pi[c] /= sum;
    }
    return pi;
  }

  /** K x D means, uniform in [0.05, 0.95). */
  static double[][] means(SplittableRandom random, int k, int d) {
    double[][] p = new double[k][d];
    for (double[] row : p) {
      for (int j = 0; j < d; j++) {
        row[j] = 0.05 + 0.9 * random.nextDouble();
      }
    }
    return p;
  }

  /** K x D means near 0 or 1 ([0.01, 0.2) or [0.8, 0.99)), like MNIST stroke and background. */
  static double[][] confident(SplittableRandom random, int k, int d) {
    double[][] p = new double[k][d];
    for (double[] row : p) {
      for (int j = 0; j < d; j++) {
        double u = 0.01 + 0.19 * random.nextDouble();
        row[j] = random.nextBoolean() ? u : 1 - u;
      }
    }
    return p;
  }

  /** N x K responsibilities, rows random on the simplex; column {@code empty} (if >= 0) zero. */
  static double[][] responsibilities(SplittableRandom random, int n, int k, int empty) {
    double[][] r = new double[n][k];
    for (double[] row : r) {
      double sum = 0;
      for (int c = 0; c < k; c++) {
        row[c] = c == empty && k > 1 ? 0 : 0.05 - Math.log(1 - random.nextDouble());
        sum += row[c];
      }
      for (int c = 0; c < k; c++) {
        row[c] /= sum;
      }
    }
    return r;
  }

  /** N x K responsibilities with one entry near 1 per row and the others between 1e-200 and 1e-3. */
  static double[][] sharp(SplittableRandom random, int n, int k) {
    double[][] r = new double[n][k];
    for (int i = 0; i < n; i++) {
      int winner = i % k;
      double rest = 0;
      for (int c = 0; c < k; c++) {
        if (c != winner) {
          r[i][c] = Math.pow(10, -3 - 197 * random.nextDouble());
          rest += r[i][c];
        }
      }
      r[i][winner] = 1 - rest;
    }
    return r;
  }

  static double[][] ones(int n) {
    double[][] r = new double[n][1];
    for (double[] row : r) {
      row[0] = 1;
    }
    return r;
  }

  static int[][] copy(int[][] x) {
    int[][] out = new int[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i].clone();
    }
    return out;
  }
}
