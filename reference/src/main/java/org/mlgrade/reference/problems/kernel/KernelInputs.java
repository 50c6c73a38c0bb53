package org.mlgrade.reference.problems.kernel;

import java.util.SplittableRandom;
import org.mlgrade.api.kernel.KernelOnPoints;
import org.mlgrade.api.kernel.KernelSpec;
import org.mlgrade.reference.InputGenerator;

/**
 * Seeded kernels on points. The first indices are the hand examples and edge cases: the {@code
 * (f(x)+f(z))^2} counterexample and a PSD Gram matrix of the same kernel, singular PSD matrices
 * (more points than dimensions, repeated points) whose zero eigenvalues round to either sign, a
 * single point, and every composite kind, valid and invalid. Later indices are random nested
 * kernels on 2 to 6 random points of dimension 1 to 3.
 *
 * <p>Random inputs whose minimum eigenvalue lies near the PSD threshold ({@code -1e-6 * scale <
 * λ_min < -1e-12 * scale}) are drawn again, so that the verdict never depends on rounding.
 */
public final class KernelInputs implements InputGenerator<KernelOnPoints> {

  private static final int MAX_DRAWS = 1000;

  @Override
  public KernelOnPoints generate(SplittableRandom random, int index) {
    return switch (index) {
      // the hand counterexample of the Javadoc: f = 1, 0 gives [[4, 1], [1, 0]], det -1
      case 0 -> on(KernelSpec.squaredSumOfAffine(new double[] {1}, 0), new double[][] {{1}, {0}});
      // same kernel, f = 1, -1 gives [[4, 0], [0, 4]], PSD
      case 1 -> on(KernelSpec.squaredSumOfAffine(new double[] {1}, 0), new double[][] {{1}, {-1}});
      // rank one: K = x xᵀ with x = [1, 2, 3]
      case 2 -> on(KernelSpec.linear(), new double[][] {{1}, {2}, {3}});
      case 3 -> on(KernelSpec.rbf(0.5), new double[][] {{0, 0}, {1, 1}, {2, 0}});
      case 4 -> on(KernelSpec.polynomial(1, 2), new double[][] {{1, 2}, {3, -1}, {0, 1}});
      case 5 -> on(KernelSpec.weightedSum(new double[] {1, -2}, KernelSpec.linear(),
          KernelSpec.rbf(1)), new double[][] {{0, 0}, {1, 0}, {0, 1}});
      case 6 -> on(KernelSpec.product(KernelSpec.linear(), KernelSpec.rbf(0.5)),
          new double[][] {{1, 0}, {0.5, 0.5}, {-1, 2}});
      case 7 -> on(KernelSpec.polynomialOf(new double[] {1, 2, 0.5}, KernelSpec.rbf(1)),
          new double[][] {{0}, {0.5}, {2}});
      case 8 -> on(KernelSpec.polynomialOf(new double[] {0, 1, -1}, KernelSpec.linear()),
          new double[][] {{1}, {2}});
      case 9 -> on(KernelSpec.rbf(2), new double[][] {{0.25, -0.5}});
      case 10 -> on(KernelSpec.squaredSumOfAffine(new double[] {0.5, -1}, 0.25),
          new double[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}});
      // a repeated point: two equal rows
      case 11 -> on(KernelSpec.rbf(1), new double[][] {{0, 1}, {1, 0}, {0, 1}});
      case 12 -> on(KernelSpec.polynomial(-1, 2), new double[][] {{1}, {2}});
      // five points in the plane: rank 2
      case 13 -> on(KernelSpec.linear(),
          new double[][] {{1, 0}, {0, 1}, {1, 1}, {2, -1}, {-1, 3}});
      case 14 -> on(KernelSpec.weightedSum(new double[] {0.5, 2}, KernelSpec.linear(),
          KernelSpec.polynomial(1, 3)), new double[][] {{1, 0}, {0, -1}, {1, 1}, {3, 0}});
      default -> randomInput(random);
    };
  }

  private static KernelOnPoints on(KernelSpec kernel, double[][] points) {
    return new KernelOnPoints(kernel, points);
  }

  private static KernelOnPoints randomInput(SplittableRandom random) {
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      int n = random.nextInt(2, 7);
      int dim = random.nextInt(1, 4);
      double[][] points = new double[n][dim];
      for (double[] point : points) {
        for (int j = 0; j < dim; j++) {
          point[j] = round(random.nextDouble(-1.5, 1.5));
        }
      }
      KernelOnPoints input = on(randomKernel(random, dim, 2), points);
      double[][] k = new KernelValidityReference().gram(input).values();
      KernelValidityReference.Eigen eigen = KernelValidityReference.eigen(k);
      double relative = eigen.min() / eigen.scale();
      if (!(relative > -1e-6 && relative < -1e-12)) {
        return input;
      }
    }
    throw new IllegalStateException("no kernel input clear of the PSD threshold");
  }

  private static KernelSpec randomKernel(SplittableRandom random, int dim, int depth) {
    int kind = random.nextInt(depth > 0 ? 7 : 4);
    return switch (kind) {
      case 0 -> KernelSpec.linear();
      case 1 -> KernelSpec.polynomial(round(random.nextDouble(-1, 2)), random.nextInt(1, 4));
      case 2 -> KernelSpec.rbf(round(random.nextDouble(0.1, 2)));
      case 3 -> {
        double[] w = new double[dim];
        for (int j = 0; j < dim; j++) {
          w[j] = round(random.nextDouble(-1, 1));
        }
        yield KernelSpec.squaredSumOfAffine(w, round(random.nextDouble(-1, 1)));
      }
      case 4 -> KernelSpec.weightedSum(
          new double[] {round(random.nextDouble(-1, 2)), round(random.nextDouble(-1, 2))},
          randomKernel(random, dim, depth - 1), randomKernel(random, dim, depth - 1));
      case 5 -> KernelSpec.product(
          randomKernel(random, dim, depth - 1), randomKernel(random, dim, depth - 1));
      default -> {
        double[] coefficients = new double[random.nextInt(1, 4)];
        for (int d = 0; d < coefficients.length; d++) {
          coefficients[d] = round(random.nextDouble(-0.5, 2));
        }
        yield KernelSpec.polynomialOf(coefficients, randomKernel(random, dim, depth - 1));
      }
    };
  }

  /** Two decimals, so that inputs read well in rubric files and feedback. */
  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
