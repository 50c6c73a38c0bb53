package org.mlgrade.reference.problems.kernel;

import java.util.List;
import org.mlgrade.api.kernel.KernelKind;
import org.mlgrade.api.kernel.KernelOnPoints;
import org.mlgrade.api.kernel.KernelSpec;
import org.mlgrade.api.kernel.KernelValidity;
import org.mlgrade.api.kernel.PsdVerdict;
import org.mlgrade.reference.KnownMistake;

/** Wrong answers students give to the kernel validity problems, each a wrong solver. */
final class KernelMistakes {

  private KernelMistakes() {}

  /** Mistakes in evaluating the kernel, seen in the Gram matrix. */
  static List<KnownMistake<KernelValidity>> gram() {
    return List.of(
        new KnownMistake<KernelValidity>("rbf-distance-not-squared",
            "The RBF kernel is exp(-gamma * ||x - z||^2): the distance must be squared.",
            new KernelValidityReference() {
              @Override
              protected double squaredDistance(double[] x, double[] z) {
                return Math.sqrt(super.squaredDistance(x, z));
              }
            }),
        new KnownMistake<KernelValidity>("polynomial-without-offset",
            "The polynomial kernel is (x·z + c)^degree: the offset c was left out.",
            new KernelValidityReference() {
              @Override
              protected double evaluate(KernelSpec kernel, double[] x, double[] z) {
                if (kernel.kind() == KernelKind.POLYNOMIAL) {
                  return Math.pow(dot(x, z), (int) kernel.params()[1]);
                }
                return super.evaluate(kernel, x, z);
              }
            }),
        new KnownMistake<KernelValidity>("weighted-sum-ignores-weights",
            "A WEIGHTED_SUM multiplies each part by its weight before adding.",
            new KernelValidityReference() {
              @Override
              protected double evaluate(KernelSpec kernel, double[] x, double[] z) {
                if (kernel.kind() == KernelKind.WEIGHTED_SUM) {
                  double sum = 0;
                  for (KernelSpec part : kernel.parts()) {
                    sum += evaluate(part, x, z);
                  }
                  return sum;
                }
                return super.evaluate(kernel, x, z);
              }
            }),
        new KnownMistake<KernelValidity>("polynomial-of-coefficients-shifted",
            "In POLYNOMIAL_OF, params[d] multiplies b(x, z)^d starting at d = 0 (the constant"
                + " term), not b^(d+1).",
            new KernelValidityReference() {
              @Override
              protected double polynomialOf(double[] a, double b) {
                return b * super.polynomialOf(a, b);
              }
            }));
  }

  /**
   * Mistakes in deciding positive semi-definiteness, the most telling first: on the {@code
   * (f(x)+f(z))^2} counterexample "non-negative-entries" and "symmetry-only" give the same answer,
   * and the diagnosis names the first.
   */
  static List<KnownMistake<KernelValidity>> psd() {
    return List.of(
        new KnownMistake<KernelValidity>("non-negative-entries",
            "A Gram matrix with entries >= 0 need not be PSD ((f(x)+f(z))^2 >= 0 is not a valid"
                + " kernel), and a PSD one may have negative entries.",
            new KernelValidityReference() {
              @Override
              public PsdVerdict checkPsd(KernelOnPoints input) {
                double[][] k = gram(input).values();
                boolean nonNegative = true;
                for (double[] row : k) {
                  for (double value : row) {
                    nonNegative &= value >= 0;
                  }
                }
                Eigen eigen = eigen(k);
                return nonNegative
                    ? new PsdVerdict(true, eigen.min(), new double[0])
                    : new PsdVerdict(false, eigen.min(), eigen.minVector());
              }
            }),
        new KnownMistake<KernelValidity>("symmetry-only",
            "Every Gram matrix is symmetric; being symmetric does not make it PSD: look at the"
                + " sign of the minimum eigenvalue.",
            new KernelValidityReference() {
              @Override
              public PsdVerdict checkPsd(KernelOnPoints input) {
                PsdVerdict right = super.checkPsd(input);
                return new PsdVerdict(true, right.minEigenvalue(), new double[0]);
              }
            }),
        new KnownMistake<KernelValidity>("diagonal-only",
            "A non-negative diagonal does not make a matrix PSD, and the eigenvalues of a"
                + " non-diagonal matrix are not its diagonal entries.",
            new KernelValidityReference() {
              @Override
              public PsdVerdict checkPsd(KernelOnPoints input) {
                double[][] k = gram(input).values();
                int argMin = 0;
                for (int i = 0; i < k.length; i++) {
                  if (k[i][i] < k[argMin][argMin]) {
                    argMin = i;
                  }
                }
                double min = k[argMin][argMin];
                if (min >= 0) {
                  return new PsdVerdict(true, min, new double[0]);
                }
                double[] unit = new double[k.length];
                unit[argMin] = 1;
                return new PsdVerdict(false, min, unit);
              }
            }),
        new KnownMistake<KernelValidity>("no-tolerance",
            "Rounding makes the zero eigenvalues of a singular PSD matrix tiny numbers of either"
                + " sign: compare the minimum eigenvalue with -1e-9 * max(1, max |λ|), not 0.",
            new KernelValidityReference() {
              @Override
              protected boolean isPsd(double minEigenvalue, double scale) {
                return minEigenvalue >= 0;
              }
            }));
  }
}
