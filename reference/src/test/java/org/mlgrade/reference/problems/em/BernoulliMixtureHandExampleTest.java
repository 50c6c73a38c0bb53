package org.mlgrade.reference.problems.em;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mlgrade.api.em.BernoulliMixtureEm;
import org.mlgrade.api.em.EStepInput;
import org.mlgrade.api.em.FitInput;
import org.mlgrade.api.em.FitOutput;
import org.mlgrade.api.em.LogLikelihoodInput;
import org.mlgrade.api.em.MStepInput;
import org.mlgrade.api.em.MStepOutput;
import org.mlgrade.reference.StructuralComparison;
import org.mlgrade.reference.Tolerance;

/**
 * The worked example of the handout (N = 3, D = 2, K = 2) and small edge cases, derived by hand,
 * for the reference and for the documented wrong answer of each known mistake.
 *
 * <pre>
 *   x = [[1, 0], [0, 1], [1, 1]]   pi = [0.6, 0.4]   p = [[0.8, 0.2], [0.2, 0.6]]
 *   prod_d p_kd^x (1 - p_kd)^(1 - x):  row 0: 0.8*0.8 = 0.64   0.2*0.4 = 0.08
 *                                      row 1: 0.2*0.2 = 0.04   0.8*0.6 = 0.48
 *                                      row 2: 0.8*0.2 = 0.16   0.2*0.6 = 0.12
 *   times pi:                          row 0: 0.384  0.032  (sum 0.416)
 *                                      row 1: 0.024  0.192  (sum 0.216)
 *                                      row 2: 0.096  0.048  (sum 0.144)
 * </pre>
 */
class BernoulliMixtureHandExampleTest {

  private static final Tolerance CLOSE = new Tolerance(1e-14, 1e-12);
  private static final int[][] X = {{1, 0}, {0, 1}, {1, 1}};
  private static final double[] PI = {0.6, 0.4};
  private static final double[][] P = {{0.8, 0.2}, {0.2, 0.6}};
  // r = row / row sum: 0.384/0.416 = 12/13, 0.024/0.216 = 1/9, 0.096/0.144 = 2/3.
  private static final double[][] R = {{12.0 / 13, 1.0 / 13}, {1.0 / 9, 8.0 / 9},
      {2.0 / 3, 1.0 / 3}};
  // N_0 = 12/13 + 1/9 + 2/3 = (108 + 13 + 78)/117 = 199/117, N_1 = 3 - N_0 = 152/117;
  // pi = N / 3; p_0 = [(12/13 + 2/3) / N_0, (1/9 + 2/3) / N_0] = [62/39, 7/9] * 117/199
  // = [186/199, 91/199]; p_1 = [(1/13 + 1/3) / N_1, (8/9 + 1/3) / N_1] = [16/39, 11/9] * 117/152
  // = [6/19, 143/152].
  private static final double[] PI_1 = {199.0 / 351, 152.0 / 351};
  private static final double[][] P_1 = {{186.0 / 199, 91.0 / 199}, {6.0 / 19, 143.0 / 152}};
  private static final double L_0 = Math.log(0.416) + Math.log(0.216) + Math.log(0.144);

  private final BernoulliMixtureEm reference = new BernoulliMixtureReference();

  private static void assertClose(Object actual, Object expected) {
    assertThat(StructuralComparison.compare(expected, actual, CLOSE)).isEmpty();
  }

  /** L of (pi, p) on X, with the products written out (x = [1,0], [0,1], [1,1]). */
  private static double logLikelihoodOf(double[] pi, double[][] p) {
    double total = 0;
    for (int[] row : X) {
      double sum = 0;
      for (int k = 0; k < 2; k++) {
        double a = row[0] == 1 ? p[k][0] : 1 - p[k][0];
        double b = row[1] == 1 ? p[k][1] : 1 - p[k][1];
        sum += pi[k] * a * b;
      }
      total += Math.log(sum);
    }
    return total;
  }

  @Test
  void eStepGivesTheHandoutResponsibilities() {
    assertClose(reference.eStep(new EStepInput(X, PI, P)).responsibilities(), R);
  }

  @Test
  void logLikelihoodIsTheSumOfTheLogsOfTheRowSums() {
    assertThat(reference.logLikelihood(new LogLikelihoodInput(X, PI, P)).logLikelihood())
        .isCloseTo(-4.347488869424982, within(1e-14))
        .isCloseTo(L_0, within(1e-14));
  }

  @Test
  void mStepGivesTheHandoutMixture() {
    MStepOutput out = reference.mStep(new MStepInput(X, R, P, 0));
    assertClose(out.pi(), PI_1);
    assertClose(out.p(), P_1);
  }

  @Test
  void oneFitIterationIsTheMStepAndTracesBothLikelihoods() {
    FitOutput out = reference.fit(new FitInput(X, PI, P, 1, 0, 0));
    assertClose(out.pi(), PI_1);
    assertClose(out.p(), P_1);
    assertThat(out.iterations()).isEqualTo(1);
    // L_1 = sum_n log sum_k pi1_k prod_d (...) = -3.428507638493274 (also NumPy's value)
    assertClose(out.logLikelihoods(), new double[] {L_0, logLikelihoodOf(PI_1, P_1)});
    assertThat(out.logLikelihoods()[1]).isCloseTo(-3.428507638493274,
        within(1e-13));
  }

  @Test
  void zeroIterationsReturnTheInitialMixture() {
    FitOutput out = reference.fit(new FitInput(X, PI, P, 0, 0, 0));
    assertClose(out, new FitOutput(PI, P, new double[] {L_0}, 0));
  }

  @Test
  void fitStopsOnTheToleranceAfterTheFirstSmallGain() {
    // L_1 - L_0 = 0.918981 < 10: stops after iteration 1 of 5.
    FitOutput out = reference.fit(new FitInput(X, PI, P, 5, 10, 0));
    assertThat(out.iterations()).isEqualTo(1);
    assertThat(out.logLikelihoods()).hasSize(2);
  }

  @Test
  void singleComponentHasAllResponsibilityAndColumnMeans() {
    // K = 1: r_n0 = 1; pi = [1]; p = column means of x = [2/3, 2/3].
    double[][] ones = {{1}, {1}, {1}};
    assertClose(reference.eStep(new EStepInput(X, new double[] {1}, new double[][] {{0.3, 0.9}}))
        .responsibilities(), ones);
    MStepOutput out = reference.mStep(new MStepInput(X, ones, new double[][] {{0.3, 0.9}}, 0));
    assertClose(out, new MStepOutput(new double[] {1}, new double[][] {{2.0 / 3, 2.0 / 3}}));
  }

  // Empty component: x = [[1, 0], [1, 1]], r = [[1, 0], [1, 0]], previousP = [[.3, .3], [.7, .2]].
  // N = [2, 0], S_0 = [2, 1]: alpha 0 gives p_0 = [2/2, 1/2]; alpha 1 gives [(2+1)/(2+2),
  // (1+1)/(2+2)] = [3/4, 1/2]; row 1 is kept as [.7, .2] and pi = [1, 0] either way.
  private static final int[][] X2 = {{1, 0}, {1, 1}};
  private static final double[][] R2 = {{1, 0}, {1, 0}};
  private static final double[][] PREVIOUS = {{0.3, 0.3}, {0.7, 0.2}};

  @Test
  void emptyComponentKeepsItsMeansAndGetsWeightZero() {
    assertClose(reference.mStep(new MStepInput(X2, R2, PREVIOUS, 0)),
        new MStepOutput(new double[] {1, 0}, new double[][] {{1, 0.5}, {0.7, 0.2}}));
    assertClose(reference.mStep(new MStepInput(X2, R2, PREVIOUS, 1)),
        new MStepOutput(new double[] {1, 0}, new double[][] {{0.75, 0.5}, {0.7, 0.2}}));
  }

  // p exactly 0: x = [[0, 1], [1, 1]], pi = [.5, .5], p = [[0, .5], [.5, .5]].
  // Row 0: 0.5 * (1 - 0) * 0.5 = 0.25, 0.5 * 0.5 * 0.5 = 0.125 -> r = [2/3, 1/3].
  // Row 1: 0.5 * 0 * 0.5 = 0 (log-joint -Infinity), 0.125 -> r = [0, 1].
  // L = log 0.375 + log 0.125.
  private static final int[][] X3 = {{0, 1}, {1, 1}};
  private static final double[] PI3 = {0.5, 0.5};
  private static final double[][] P3 = {{0, 0.5}, {0.5, 0.5}};

  @Test
  void exactZeroMeanIsLogZeroNotNan() {
    assertClose(reference.eStep(new EStepInput(X3, PI3, P3)).responsibilities(),
        new double[][] {{2.0 / 3, 1.0 / 3}, {0, 1}});
    assertThat(reference.logLikelihood(new LogLikelihoodInput(X3, PI3, P3)).logLikelihood())
        .isCloseTo(Math.log(0.375) + Math.log(0.125), within(1e-14));
  }

  // ---- known mistakes, with the wrong answer each one gives ----

  @Test
  void unnormalisedReturnsTheJointProbabilities() {
    assertClose(new BernoulliMixtureMistakes.Unnormalised().eStep(new EStepInput(X, PI, P))
        .responsibilities(), new double[][] {{0.384, 0.032}, {0.024, 0.192}, {0.096, 0.048}});
  }

  @Test
  void ignoringMixingWeightsNormalisesTheLikelihoodsAlone() {
    // 0.64/0.72 = 8/9, 0.04/0.52 = 1/13, 0.16/0.28 = 4/7; L = log .72 + log .52 + log .28.
    BernoulliMixtureEm wrong = new BernoulliMixtureMistakes.IgnoresMixingWeights();
    assertClose(wrong.eStep(new EStepInput(X, PI, P)).responsibilities(),
        new double[][] {{8.0 / 9, 1.0 / 9}, {1.0 / 13, 12.0 / 13}, {4.0 / 7, 3.0 / 7}});
    assertThat(wrong.logLikelihood(new LogLikelihoodInput(X, PI, P)).logLikelihood())
        .isCloseTo(Math.log(0.72) + Math.log(0.52) + Math.log(0.28),
            within(1e-14));
  }

  @Test
  void logInsideSumIsTheJensenLowerBound() {
    double bound = 0.6 * Math.log(0.64) + 0.4 * Math.log(0.08) + 0.6 * Math.log(0.04)
        + 0.4 * Math.log(0.48) + 0.6 * Math.log(0.16) + 0.4 * Math.log(0.12);
    assertThat(new BernoulliMixtureMistakes.LogInsideSum()
        .logLikelihood(new LogLikelihoodInput(X, PI, P)).logLikelihood())
        .isCloseTo(bound, within(1e-14)).isLessThan(L_0);
  }

  @Test
  void productInProbabilitySpaceIsOnlyWrongWhenItUnderflows() {
    // Here nothing underflows, so the mistake is right; the D = 784 golden case shows NaN.
    BernoulliMixtureEm wrong = new BernoulliMixtureMistakes.ProductUnderflow();
    assertClose(wrong.eStep(new EStepInput(X, PI, P)).responsibilities(), R);
  }

  @Test
  void zeroTimesLogZeroTurnsTheRowIntoNan() {
    // x_00 = 0 and p_00 = 0: 0 * log(0) = NaN, so row 0 becomes NaN; row 1 is still [0, 1].
    BernoulliMixtureEm wrong = new BernoulliMixtureMistakes.ZeroTimesLogZero();
    double[][] r = wrong.eStep(new EStepInput(X3, PI3, P3)).responsibilities();
    assertThat(r[0]).containsOnly(Double.NaN);
    assertClose(r[1], new double[] {0, 1});
    assertThat(wrong.logLikelihood(new LogLikelihoodInput(X3, PI3, P3)).logLikelihood()).isNaN();
  }

  @Test
  void dividingByNShrinksTheMeans() {
    // p = [[(12/13 + 2/3)/3, (1/9 + 2/3)/3], [(1/13 + 1/3)/3, (8/9 + 1/3)/3]]
    //   = [[62/117, 7/27], [16/117, 11/27]]; pi is still N_k / N.
    assertClose(new BernoulliMixtureMistakes.DividesByN().mStep(new MStepInput(X, R, P, 0)),
        new MStepOutput(PI_1, new double[][] {{62.0 / 117, 7.0 / 27}, {16.0 / 117, 11.0 / 27}}));
  }

  @Test
  void hardAssignmentsAverageTheRowsOfEachArgmax() {
    // argmax rows: 0 -> 0, 1 -> 1, 2 -> 0. pi = [2/3, 1/3]; p_0 = mean([1,0],[1,1]) = [1, .5];
    // p_1 = [0, 1].
    assertClose(new BernoulliMixtureMistakes.HardAssignments().mStep(new MStepInput(X, R, P, 0)),
        new MStepOutput(new double[] {2.0 / 3, 1.0 / 3}, new double[][] {{1, 0.5}, {0, 1}}));
  }

  @Test
  void smoothingAddedOnceAndEmptyComponentNotKept() {
    // Added once, alpha 1: p_0 = [(2+1)/(2+1), (1+1)/(2+1)] = [1, 2/3].
    assertClose(new BernoulliMixtureMistakes.SmoothingAddedOnce()
            .mStep(new MStepInput(X2, R2, PREVIOUS, 1)).p(),
        new double[][] {{1, 2.0 / 3}, {0.7, 0.2}});
    // Not kept: 0/0 = NaN with alpha 0, (0+1)/(0+2) = 1/2 with alpha 1.
    BernoulliMixtureEm notKept = new BernoulliMixtureMistakes.EmptyComponentNotKept();
    assertThat(notKept.mStep(new MStepInput(X2, R2, PREVIOUS, 0)).p()[1])
        .containsOnly(Double.NaN);
    assertClose(notKept.mStep(new MStepInput(X2, R2, PREVIOUS, 1)).p()[1],
        new double[] {0.5, 0.5});
  }

  @Test
  void fitMistakesOnTheHandoutExample() {
    FitInput one = new FitInput(X, PI, P, 1, 0, 0);
    // pi not updated: pi stays [0.6, 0.4], p is the M-step's, L_1 uses the stale weights.
    FitOutput stale = new BernoulliMixtureMistakes.PiNotUpdated().fit(one);
    assertClose(stale, new FitOutput(PI, P_1,
        new double[] {L_0, logLikelihoodOf(PI, P_1)}, 1));
    // Trace without L_0.
    assertClose(new BernoulliMixtureMistakes.TraceMissesInitial().fit(one).logLikelihoods(),
        new double[] {logLikelihoodOf(PI_1, P_1)});
    // Ignoring a tolerance of 10 runs all 5 iterations instead of stopping after 1.
    assertThat(new BernoulliMixtureMistakes.IgnoresTolerance()
        .fit(new FitInput(X, PI, P, 5, 10, 0)).iterations()).isEqualTo(5);
  }
}
