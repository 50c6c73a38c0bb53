package org.mlgrade.reference.problems.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.kernel.KernelKind;
import org.mlgrade.api.kernel.KernelOnPoints;
import org.mlgrade.api.kernel.KernelSpec;
import org.mlgrade.api.kernel.PsdVerdict;

/** Hand-derived Gram matrices and verdicts, and the closure-rule theorems as properties. */
class KernelValidityReferenceTest {

  private final KernelValidityReference reference = new KernelValidityReference();

  static KernelOnPoints on(KernelSpec kernel, double[]... points) {
    return new KernelOnPoints(kernel, points);
  }

  /** (f(x)+f(z))^2 with f(x) = x on the points 1 and 0: f values 1 and 0. */
  static final KernelOnPoints COUNTEREXAMPLE =
      on(KernelSpec.squaredSumOfAffine(new double[] {1}, 0), new double[] {1}, new double[] {0});

  @Test
  void squaredSumWithFValuesOneAndZeroIsNotPsd() {
    // K = [[(1+1)^2, (1+0)^2], [(0+1)^2, (0+0)^2]] = [[4, 1], [1, 0]]
    assertThat(reference.gram(COUNTEREXAMPLE).values())
        .isDeepEqualTo(new double[][] {{4, 1}, {1, 0}});
    // eigenvalues: λ^2 - 4λ - 1 = 0, λ = 2 ± sqrt(5); det = -1 < 0
    PsdVerdict verdict = reference.checkPsd(COUNTEREXAMPLE);
    assertThat(verdict.positiveSemidefinite()).isFalse();
    assertThat(verdict.minEigenvalue()).isCloseTo(2 - Math.sqrt(5), offset(1e-14));
    // the unit eigenvector: (4 - λ) a1 + a2 = 0, a2 = -(2 + sqrt 5) a1
    double a1 = 1 / Math.sqrt(1 + Math.pow(2 + Math.sqrt(5), 2));
    double sign = Math.signum(verdict.witness()[0]);
    assertThat(verdict.witness()[0] * sign).isCloseTo(a1, offset(1e-14));
    assertThat(verdict.witness()[1] * sign).isCloseTo(-(2 + Math.sqrt(5)) * a1, offset(1e-14));
  }

  @Test
  void squaredSumWithFValuesOneAndMinusOneIsPsd() {
    // K = [[(1+1)^2, (1-1)^2], [(-1+1)^2, (-1-1)^2]] = [[4, 0], [0, 4]]
    KernelOnPoints input = on(KernelSpec.squaredSumOfAffine(new double[] {1}, 0),
        new double[] {1}, new double[] {-1});
    assertThat(reference.gram(input).values()).isDeepEqualTo(new double[][] {{4, 0}, {0, 4}});
    PsdVerdict verdict = reference.checkPsd(input);
    assertThat(verdict.positiveSemidefinite()).isTrue();
    assertThat(verdict.minEigenvalue()).isCloseTo(4, offset(1e-14));
    assertThat(verdict.witness()).isEmpty();
  }

  @Test
  void rbfOfTheJavadocExample() {
    // ||[0,0] - [1,1]||^2 = 2, exp(-0.5 * 2) = exp(-1)
    double[][] k = reference.gram(on(KernelSpec.rbf(0.5), new double[] {0, 0},
        new double[] {1, 1})).values();
    assertThat(k).isDeepEqualTo(new double[][] {{1, Math.exp(-1)}, {Math.exp(-1), 1}});
  }

  @Test
  void compositeKernelsByHand() {
    double[] x = {1, 2};
    double[] z = {3, -1};
    // x·z = 3 - 2 = 1, x·x = 5, z·z = 10
    // (x·z + 1)^2 = 4
    assertThat(reference.evaluate(KernelSpec.polynomial(1, 2), x, z)).isEqualTo(4);
    // 0.5 * 1 + 2 * (1 + 1)^2 = 8.5
    assertThat(reference.evaluate(KernelSpec.weightedSum(new double[] {0.5, 2},
        KernelSpec.linear(), KernelSpec.polynomial(1, 2)), x, z)).isEqualTo(8.5);
    // x·x * (x·x + 1)^2 = 5 * 36 = 180
    assertThat(reference.evaluate(KernelSpec.product(KernelSpec.linear(),
        KernelSpec.polynomial(1, 2)), x, x)).isEqualTo(180);
    // 1 + 2 b + 0.5 b^2 with b = z·z = 10: 1 + 20 + 50 = 71
    assertThat(reference.evaluate(KernelSpec.polynomialOf(new double[] {1, 2, 0.5},
        KernelSpec.linear()), z, z)).isEqualTo(71);
    // f(x) = 0.5*1 - 1*2 + 0.25 = -1.25, f(z) = 1.5 + 1 + 0.25 = 2.75, (f(x)+f(z))^2 = 2.25
    assertThat(reference.evaluate(KernelSpec.squaredSumOfAffine(new double[] {0.5, -1}, 0.25),
        x, z)).isEqualTo(2.25);
  }

  @Test
  void rankDeficientLinearKernelIsPsdDespiteRounding() {
    // K = x xᵀ for x = [1, 2, 3]: eigenvalues 14, 0, 0
    PsdVerdict verdict = reference.checkPsd(on(KernelSpec.linear(), new double[] {1},
        new double[] {2}, new double[] {3}));
    assertThat(verdict.positiveSemidefinite()).isTrue();
    assertThat(verdict.minEigenvalue()).isCloseTo(0, offset(1e-13));
    assertThat(verdict.witness()).isEmpty();
  }

  @Test
  void kernelsBuiltByClosureRulesAreAlwaysPsd() {
    // theorem: linear, RBF, polynomial with c >= 0, non-negative sums, products and polynomials
    // with non-negative coefficients of valid kernels are valid
    SplittableRandom random = new SplittableRandom(7);
    for (int draw = 0; draw < 300; draw++) {
      int dim = random.nextInt(1, 4);
      double[][] points = new double[random.nextInt(1, 9)][dim];
      for (double[] point : points) {
        for (int j = 0; j < dim; j++) {
          point[j] = random.nextDouble(-2, 2);
        }
      }
      KernelSpec kernel = closureValid(random, 3);
      PsdVerdict verdict = reference.checkPsd(new KernelOnPoints(kernel, points));
      assertThat(verdict.positiveSemidefinite()).as("%s is valid by closure rules", kernel)
          .isTrue();
    }
  }

  private static KernelSpec closureValid(SplittableRandom random, int depth) {
    return switch (random.nextInt(depth > 0 ? 6 : 3)) {
      case 0 -> KernelSpec.linear();
      case 1 -> KernelSpec.polynomial(random.nextDouble(0, 2), random.nextInt(1, 4));
      case 2 -> KernelSpec.rbf(random.nextDouble(0.1, 3));
      case 3 -> KernelSpec.weightedSum(
          new double[] {random.nextDouble(0, 2), random.nextDouble(0, 2)},
          closureValid(random, depth - 1), closureValid(random, depth - 1));
      case 4 -> KernelSpec.product(closureValid(random, depth - 1),
          closureValid(random, depth - 1));
      default -> KernelSpec.polynomialOf(
          new double[] {random.nextDouble(0, 1), random.nextDouble(0, 1), random.nextDouble(0, 1)},
          closureValid(random, depth - 1));
    };
  }

  @Test
  void squaredSumIsNotPsdWheneverTwoFValuesDifferWithTheSameSign() {
    // 2x2 Gram of f values p != q with p*q >= 0: det = 16 p^2 q^2 - (p+q)^4 < 0, since
    // (p+q)^2 >= 4|pq| (AM-GM) with equality only at p = q
    SplittableRandom random = new SplittableRandom(11);
    for (int draw = 0; draw < 200; draw++) {
      double w = random.nextDouble(0.1, 2) * (random.nextBoolean() ? 1 : -1);
      double c = random.nextDouble(-1, 1);
      // points where f(x) = w x + c takes the values p and q
      double p = random.nextDouble(0, 3);
      double q = p + random.nextDouble(0.2, 3);
      double sign = random.nextBoolean() ? 1 : -1;
      KernelOnPoints input = on(KernelSpec.squaredSumOfAffine(new double[] {w}, c),
          new double[] {(sign * p - c) / w}, new double[] {(sign * q - c) / w});
      assertThat(reference.checkPsd(input).positiveSemidefinite()).as("%s", input.kernel())
          .isFalse();
    }
  }

  @Test
  void toStringReadsLikeTheFormula() {
    assertThat(KernelSpec.rbf(0.5)).hasToString("RBF(gamma=0.5)");
    assertThat(KernelSpec.polynomial(1, 2)).hasToString("Polynomial(c=1.0, degree=2)");
    assertThat(KernelSpec.weightedSum(new double[] {0.5, 2}, KernelSpec.linear(),
        KernelSpec.rbf(0.5))).hasToString("WeightedSum(0.5*Linear() + 2.0*RBF(gamma=0.5))");
    assertThat(KernelSpec.product(KernelSpec.linear(), KernelSpec.rbf(1)))
        .hasToString("Product(Linear() * RBF(gamma=1.0))");
    assertThat(KernelSpec.polynomialOf(new double[] {1, 2, 0.5}, KernelSpec.linear()))
        .hasToString("PolynomialOf(k=Linear(), 1.0 + 2.0*k + 0.5*k^2)");
    assertThat(KernelSpec.squaredSumOfAffine(new double[] {1, -1}, 0.5))
        .hasToString("SquaredSum((f(x)+f(z))^2, f(x)=[1.0, -1.0]·x + 0.5)");
  }

  @Test
  void invalidSpecsAreRejectedWithReadableMessages() {
    assertThatThrownBy(() -> KernelSpec.rbf(0)).hasMessageContaining("gamma must be > 0");
    assertThatThrownBy(() -> new KernelSpec(KernelKind.POLYNOMIAL, new double[] {1, 2.5},
        List.of())).hasMessageContaining("degree must be a whole number");
    assertThatThrownBy(() -> KernelSpec.weightedSum(new double[] {1}, KernelSpec.linear(),
        KernelSpec.linear())).hasMessageContaining("1 weights and 2 parts");
    assertThatThrownBy(() -> on(KernelSpec.squaredSumOfAffine(new double[] {1, 2}, 0),
        new double[] {1, 2, 3})).hasMessageContaining("does not fit points of dimension 3");
    assertThatThrownBy(() -> on(KernelSpec.linear(), new double[] {1, 2}, new double[] {1}))
        .hasMessageContaining("point 0 has 2 coordinates, point 1 has 1");
  }
}
