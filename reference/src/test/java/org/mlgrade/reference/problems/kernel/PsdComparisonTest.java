package org.mlgrade.reference.problems.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlgrade.reference.problems.kernel.KernelValidityReferenceTest.COUNTEREXAMPLE;
import static org.mlgrade.reference.problems.kernel.KernelValidityReferenceTest.on;

import org.junit.jupiter.api.Test;
import org.mlgrade.api.kernel.KernelOnPoints;
import org.mlgrade.api.kernel.KernelSpec;
import org.mlgrade.api.kernel.PsdVerdict;
import org.mlgrade.reference.Tolerance;

/** Any witness that proves non-PSD is accepted; anything else is not. */
class PsdComparisonTest {

  private final PsdComparison comparison = new PsdComparison();
  private final PsdVerdict expected = new KernelValidityReference().checkPsd(COUNTEREXAMPLE);
  private final double lambdaMin = 2 - Math.sqrt(5);

  private PsdVerdict notPsd(double... witness) {
    return new PsdVerdict(false, lambdaMin, witness);
  }

  @Test
  void acceptsTheHandWitnessOfTheJavadoc() {
    // K = [[4, 1], [1, 0]], a = [1, -4]: aᵀKa = 4 + 2*(1)(-4) + 0 = -4 < 0
    assertThat(comparison.compare(COUNTEREXAMPLE, expected, notPsd(1, -4), Tolerance.DEFAULT))
        .isEmpty();
  }

  @Test
  void acceptsAnyScaleAndSignOfTheEigenvector() {
    double[] v = expected.witness();
    assertThat(comparison.compare(COUNTEREXAMPLE, expected, notPsd(-3 * v[0], -3 * v[1]),
        Tolerance.DEFAULT)).isEmpty();
    assertThat(comparison.compare(COUNTEREXAMPLE, expected, notPsd(1e-3 * v[0], 1e-3 * v[1]),
        Tolerance.DEFAULT)).isEmpty();
  }

  @Test
  void rejectsTheZeroVector() {
    assertThat(comparison.compare(COUNTEREXAMPLE, expected, notPsd(0, 0), Tolerance.DEFAULT))
        .singleElement().satisfies(m -> assertThat(m.path()).isEqualTo("witness"));
  }

  @Test
  void rejectsVectorsWithNonNegativeQuadraticForm() {
    // a = [1, 0]: aᵀKa = 4; a = [0, 1]: aᵀKa = 0, not < 0
    assertThat(comparison.compare(COUNTEREXAMPLE, expected, notPsd(1, 0), Tolerance.DEFAULT))
        .singleElement().satisfies(m -> assertThat(m.actual()).contains("= 4.0"));
    assertThat(comparison.compare(COUNTEREXAMPLE, expected, notPsd(0, 1), Tolerance.DEFAULT))
        .hasSize(1);
  }

  @Test
  void rejectsWrongLengthNullAndNonFiniteWitnesses() {
    assertThat(comparison.compare(COUNTEREXAMPLE, expected, notPsd(1, -4, 0), Tolerance.DEFAULT))
        .hasSize(1);
    assertThat(comparison.compare(COUNTEREXAMPLE, expected, new PsdVerdict(false, lambdaMin,
        null), Tolerance.DEFAULT)).hasSize(1);
    assertThat(comparison.compare(COUNTEREXAMPLE, expected, notPsd(Double.NaN, -4),
        Tolerance.DEFAULT)).hasSize(1);
  }

  @Test
  void comparesVerdictExactlyAndEigenvalueWithTolerance() {
    assertThat(comparison.compare(COUNTEREXAMPLE, expected,
        new PsdVerdict(false, lambdaMin + 1e-12, new double[] {1, -4}), Tolerance.DEFAULT))
        .isEmpty();
    assertThat(comparison.compare(COUNTEREXAMPLE, expected,
        new PsdVerdict(false, 0, new double[] {1, -4}), Tolerance.DEFAULT))
        .extracting(m -> m.path()).containsExactly("minEigenvalue");
    assertThat(comparison.compare(COUNTEREXAMPLE, expected,
        new PsdVerdict(true, lambdaMin, new double[0]), Tolerance.DEFAULT))
        .extracting(m -> m.path()).containsExactly("positiveSemidefinite", "witness");
  }

  @Test
  void psdMatricesWantTheEmptyWitness() {
    // K = [[4, 0], [0, 4]]
    KernelOnPoints psd = on(KernelSpec.squaredSumOfAffine(new double[] {1}, 0),
        new double[] {1}, new double[] {-1});
    PsdVerdict reference = new PsdVerdict(true, 4, new double[0]);
    assertThat(comparison.compare(psd, reference, reference, Tolerance.DEFAULT)).isEmpty();
    assertThat(comparison.compare(psd, reference, new PsdVerdict(true, 4, new double[] {1, 0}),
        Tolerance.DEFAULT)).extracting(m -> m.path()).containsExactly("witness");
  }

  @Test
  void nullAnswerIsAMismatch() {
    assertThat(comparison.compare(COUNTEREXAMPLE, expected, null, Tolerance.DEFAULT)).hasSize(1);
  }

  @Test
  void sameAnswerIgnoresTheWitnessSignButNotTheZeroVector() {
    double[] v = expected.witness();
    assertThat(comparison.sameAnswer(COUNTEREXAMPLE, expected, notPsd(-2 * v[0], -2 * v[1]),
        Tolerance.DEFAULT)).isTrue();
    assertThat(comparison.sameAnswer(COUNTEREXAMPLE, expected, notPsd(0, 0), Tolerance.DEFAULT))
        .isFalse();
    // [1, -4] is a valid witness (compare accepts it) but not the same answer as the eigenvector
    assertThat(comparison.sameAnswer(COUNTEREXAMPLE, expected, notPsd(1, -4), Tolerance.DEFAULT))
        .isFalse();
    assertThat(comparison.sameAnswer(COUNTEREXAMPLE, expected,
        new PsdVerdict(true, lambdaMin, new double[0]), Tolerance.DEFAULT)).isFalse();
  }
}
