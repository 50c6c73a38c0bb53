package org.mlgrade.reference.problems.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.mlgrade.reference.problems.kernel.KernelValidityReferenceTest.COUNTEREXAMPLE;
import static org.mlgrade.reference.problems.kernel.KernelValidityReferenceTest.on;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.kernel.GramMatrix;
import org.mlgrade.api.kernel.KernelOnPoints;
import org.mlgrade.api.kernel.KernelSpec;
import org.mlgrade.api.kernel.KernelValidity;
import org.mlgrade.api.kernel.PsdVerdict;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.Tolerance;

/** Each known mistake gives the wrong answer it is named for, and is diagnosed as itself. */
class KernelMistakesTest {

  private static KernelValidity mistake(List<KnownMistake<KernelValidity>> mistakes, String id) {
    return mistakes.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow().solver();
  }

  private static KernelValidity gramMistake(String id) {
    return mistake(KernelMistakes.gram(), id);
  }

  private static KernelValidity psdMistake(String id) {
    return mistake(KernelMistakes.psd(), id);
  }

  private static <O> void diagnosedAs(Problem<KernelValidity, KernelOnPoints, O> problem,
      KernelOnPoints input, String id) {
    O wrong = problem.call().apply(
        mistake(problem.knownMistakes(), id), input);
    O expected = problem.expected(input);
    assertThat(problem.compare(input, expected, wrong, Tolerance.DEFAULT)).isNotEmpty();
    assertThat(problem.diagnose(input, expected, wrong, Tolerance.DEFAULT).named())
        .hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(id));
  }

  @Test
  void rbfWithUnsquaredDistance() {
    // ||[0,0] - [1,1]|| = sqrt 2: exp(-0.5 sqrt 2) instead of exp(-1)
    KernelOnPoints input = on(KernelSpec.rbf(0.5), new double[] {0, 0}, new double[] {1, 1});
    GramMatrix gram = gramMistake("rbf-distance-not-squared").gram(input);
    assertThat(gram.values()[0][1]).isCloseTo(Math.exp(-0.5 * Math.sqrt(2)), offset(1e-15));
    diagnosedAs(KernelProblems.gramMatrix(), input, "rbf-distance-not-squared");
  }

  @Test
  void polynomialWithoutOffset() {
    // x·z = 3 - 2 = 1: (1)^2 = 1 instead of (1 + 1)^2 = 4
    KernelOnPoints input = on(KernelSpec.polynomial(1, 2), new double[] {1, 2},
        new double[] {3, -1});
    assertThat(gramMistake("polynomial-without-offset").gram(input).values()[0][1]).isEqualTo(1);
    diagnosedAs(KernelProblems.gramMatrix(), input, "polynomial-without-offset");
  }

  @Test
  void weightedSumWithoutWeights() {
    // 1 * x·z - 2 * exp(-||x - z||^2) at x = z = [1, 0]: 1 - 2 = -1; unweighted 1 + 1 = 2
    KernelOnPoints input = on(KernelSpec.weightedSum(new double[] {1, -2}, KernelSpec.linear(),
        KernelSpec.rbf(1)), new double[] {1, 0});
    assertThat(new KernelValidityReference().gram(input).values()[0][0]).isEqualTo(-1);
    assertThat(gramMistake("weighted-sum-ignores-weights").gram(input).values()[0][0])
        .isEqualTo(2);
    diagnosedAs(KernelProblems.gramMatrix(), input, "weighted-sum-ignores-weights");
  }

  @Test
  void polynomialOfWithShiftedCoefficients() {
    // coefficients [1, 2, 0.5] of b = x·x = 4: 1 + 8 + 8 = 17 right, 4 + 32 + 32 = 68 shifted
    KernelOnPoints input = on(KernelSpec.polynomialOf(new double[] {1, 2, 0.5},
        KernelSpec.linear()), new double[] {2});
    assertThat(new KernelValidityReference().gram(input).values()[0][0]).isEqualTo(17);
    assertThat(gramMistake("polynomial-of-coefficients-shifted").gram(input).values()[0][0])
        .isEqualTo(68);
    diagnosedAs(KernelProblems.gramMatrix(), input, "polynomial-of-coefficients-shifted");
  }

  @Test
  void diagonalOnlyCallsTheCounterexampleValid() {
    // K = [[4, 1], [1, 0]]: diagonal 4, 0 >= 0, smallest diagonal entry 0
    PsdVerdict verdict = psdMistake("diagonal-only").checkPsd(COUNTEREXAMPLE);
    assertThat(verdict.positiveSemidefinite()).isTrue();
    assertThat(verdict.minEigenvalue()).isZero();
    diagnosedAs(KernelProblems.psdCheck(), COUNTEREXAMPLE, "diagonal-only");
  }

  @Test
  void symmetryOnlyCallsEveryKernelValid() {
    assertThat(psdMistake("symmetry-only").checkPsd(COUNTEREXAMPLE).positiveSemidefinite())
        .isTrue();
    // x·z - 2 exp(-||x - z||^2) on [0,0], [1,0], [0,1]: K[0][0] = 0 - 2 = -2 < 0, so not PSD
    // (and not all entries >= 0, which tells this mistake from non-negative-entries)
    KernelOnPoints input = on(KernelSpec.weightedSum(new double[] {1, -2}, KernelSpec.linear(),
        KernelSpec.rbf(1)), new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 1});
    assertThat(psdMistake("symmetry-only").checkPsd(input).positiveSemidefinite()).isTrue();
    diagnosedAs(KernelProblems.psdCheck(), input, "symmetry-only");
  }

  @Test
  void nonNegativeEntriesClaimsTheSquaredSumValidAndRejectsAValidLinearKernel() {
    // the real student answer: (f(x)+f(z))^2 >= 0, "so it is a valid kernel"
    assertThat(psdMistake("non-negative-entries").checkPsd(COUNTEREXAMPLE).positiveSemidefinite())
        .isTrue();
    // symmetry-only gives the very same answer here (true, the right eigenvalue, no witness), and
    // diagonal-only the same verdict by another route: all match, the feedback names none
    Problem<KernelValidity, KernelOnPoints, PsdVerdict> problem = KernelProblems.psdCheck();
    PsdVerdict answer = psdMistake("non-negative-entries").checkPsd(COUNTEREXAMPLE);
    var diagnosis = problem.diagnose(COUNTEREXAMPLE, problem.expected(COUNTEREXAMPLE), answer,
        Tolerance.DEFAULT);
    assertThat(diagnosis.matchIds()).containsExactly("non-negative-entries", "symmetry-only",
        "diagonal-only");
    assertThat(diagnosis.named()).isEmpty();
    // linear kernel on 1 and -1: K = [[1, -1], [-1, 1]], eigenvalues 0 and 2, PSD
    KernelOnPoints linear = on(KernelSpec.linear(), new double[] {1}, new double[] {-1});
    assertThat(new KernelValidityReference().checkPsd(linear).positiveSemidefinite()).isTrue();
    assertThat(psdMistake("non-negative-entries").checkPsd(linear).positiveSemidefinite())
        .isFalse();
  }

  @Test
  void noToleranceRejectsSingularPsdMatricesWhoseZeroEigenvalueRoundsNegative() {
    // RBF with a repeated point: two equal rows, eigenvalue 0, every entry > 0 (generated input 11)
    KernelOnPoints found = new KernelInputs().generate(null, 11);
    assertThat(found.points()[0]).isEqualTo(found.points()[2]);
    assertThat(new KernelValidityReference().checkPsd(found).minEigenvalue())
        .as("EJML rounds this zero eigenvalue below 0").isNegative();
    PsdVerdict verdict = psdMistake("no-tolerance").checkPsd(found);
    assertThat(verdict.positiveSemidefinite()).isFalse();
    assertThat(verdict.minEigenvalue()).isNegative().isGreaterThan(-1e-12);
    diagnosedAs(KernelProblems.psdCheck(), found, "no-tolerance");
    // a student's eigen-solver may return the other sign: still recognised
    PsdVerdict flipped = new PsdVerdict(false, verdict.minEigenvalue(),
        Arrays.stream(verdict.witness()).map(v -> -2 * v).toArray());
    Problem<KernelValidity, KernelOnPoints, PsdVerdict> problem = KernelProblems.psdCheck();
    assertThat(problem.diagnose(found, problem.expected(found), flipped, Tolerance.DEFAULT).named())
        .hasValueSatisfying(m -> assertThat(m.id()).isEqualTo("no-tolerance"));
  }
}
