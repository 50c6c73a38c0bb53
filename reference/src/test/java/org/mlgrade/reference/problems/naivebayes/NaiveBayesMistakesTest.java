package org.mlgrade.reference.problems.naivebayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.mlgrade.api.naivebayes.GaussianModel;
import org.mlgrade.api.naivebayes.GaussianNaiveBayes;
import org.mlgrade.api.naivebayes.LabelledData;
import org.mlgrade.api.naivebayes.PosteriorQuery;
import org.mlgrade.api.naivebayes.Posteriors;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.MistakeDiagnosis;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.Tolerance;

/**
 * Each known mistake gives the wrong answer it is named for on the hand example (x = 0, 2 in
 * class 0, x = 4, 6, 8 in class 1; π = [0.4, 0.6], μ = [1, 6], σ^2 = 2), and is diagnosed as
 * itself.
 */
class NaiveBayesMistakesTest {

  private static final LabelledData DATA = NaiveBayesInputs.handData();
  private static final PosteriorQuery QUERY = new PosteriorQuery(NaiveBayesInputs.handModel(),
      new double[][] {{3.5}, {1}, {10000}});

  private static <I, O> O wrong(Problem<GaussianNaiveBayes, I, O> problem, String id, I input) {
    GaussianNaiveBayes solver = problem.knownMistakes().stream()
        .filter(m -> m.id().equals(id)).findFirst().orElseThrow().solver();
    O wrong = problem.call().apply(solver, input);
    O expected = problem.expected(input);
    assertThat(problem.compare(input, expected, wrong, Tolerance.DEFAULT)).isNotEmpty();
    assertThat(problem.diagnose(input, expected, wrong, Tolerance.DEFAULT).named())
        .hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(id));
    return wrong;
  }

  private static double fittedVariance(String id) {
    GaussianModel model = wrong(NaiveBayesProblems.fit(), id, DATA);
    return model.variances()[0];
  }

  @Test
  void unbiasedPooledVarianceDividesByNMinusK() {
    // 10 / (5 - 2)
    assertThat(fittedVariance("variance-divided-by-n-minus-k")).isCloseTo(10.0 / 3, offset(1e-15));
  }

  @Test
  void varianceDividedByNMinusOne() {
    // 10 / (5 - 1)
    assertThat(fittedVariance("variance-divided-by-n-minus-1")).isEqualTo(2.5);
  }

  @Test
  void varianceAboutTheOverallMean() {
    // overall mean 4: (16 + 4 + 0 + 4 + 16) / 5 = 8
    assertThat(fittedVariance("variance-about-overall-mean")).isEqualTo(8);
  }

  @Test
  void averageOfPerClassVariances() {
    // class 0: (1 + 1)/2 = 1; class 1: (4 + 0 + 4)/3 = 8/3; average (1 + 8/3)/2 = 11/6
    assertThat(fittedVariance("per-class-variances-averaged")).isCloseTo(11.0 / 6, offset(1e-15));
  }

  @Test
  void uniformPriors() {
    GaussianModel model = wrong(NaiveBayesProblems.fit(), "uniform-priors", DATA);
    assertThat(model.priors()).containsExactly(0.5, 0.5);
  }

  @Test
  void unnormalisedJointInsteadOfPosterior() {
    // x = 3.5: p(x, y=k) = π_k exp(-2.5^2 / 4) / sqrt(2π * 2)
    double density = Math.exp(-6.25 / 4) / Math.sqrt(4 * Math.PI);
    Posteriors p = wrong(NaiveBayesProblems.posterior(), "not-normalised", QUERY);
    assertThat(p.probabilities()[0][0]).isCloseTo(0.4 * density, offset(1e-15));
    assertThat(p.probabilities()[0][1]).isCloseTo(0.6 * density, offset(1e-15));
  }

  @Test
  void priorsIgnoredInThePosterior() {
    // x = 3.5: equal likelihoods, so [0.5, 0.5] instead of the prior [0.4, 0.6]
    Posteriors p = wrong(NaiveBayesProblems.posterior(), "priors-ignored", QUERY);
    assertThat(p.probabilities()[0][0]).isCloseTo(0.5, offset(1e-15));
  }

  @Test
  void exponentWithoutTheHalf() {
    // x = 1: p1/p0 = 1.5 exp(-25/2) instead of 1.5 exp(-25/4)
    Posteriors p = wrong(NaiveBayesProblems.posterior(), "exponent-without-half", QUERY);
    double ratio = 1.5 * Math.exp(-12.5);
    assertThat(p.probabilities()[1][1]).isCloseTo(ratio / (1 + ratio), offset(1e-15));
  }

  @Test
  void naiveExpGivesNanFarAway() {
    // x = 1e4: exp(s_0) = exp(s_1) = 0.0, and 0/0 = NaN
    Problem<GaussianNaiveBayes, PosteriorQuery, Posteriors> problem =
        NaiveBayesProblems.posterior();
    KnownMistake<GaussianNaiveBayes> naiveExp = problem.knownMistakes().stream()
        .filter(m -> m.id().equals("naive-exp")).findFirst().orElseThrow();
    Posteriors p = naiveExp.solver().posterior(QUERY);
    // NaN never identifies a mistake: none is named, the NaN is reported with its likely causes
    MistakeDiagnosis<GaussianNaiveBayes> diagnosis =
        problem.diagnose(QUERY, problem.expected(QUERY), p, Tolerance.DEFAULT);
    assertThat(diagnosis.matches()).isEmpty();
    assertThat(diagnosis.nonFinite()).isTrue();
    assertThat(diagnosis.nonFiniteCauses()).contains(naiveExp);
    assertThat(p.probabilities()[2][0]).isNaN();
    assertThat(p.probabilities()[2][1]).isNaN();
    // near the means it agrees with the reference
    assertThat(p.probabilities()[1][0]).isCloseTo(1 / (1 + 1.5 * Math.exp(-6.25)), offset(1e-15));
  }
}
