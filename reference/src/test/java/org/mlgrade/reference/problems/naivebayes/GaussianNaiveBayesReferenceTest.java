package org.mlgrade.reference.problems.naivebayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.naivebayes.GaussianModel;
import org.mlgrade.api.naivebayes.LabelledData;
import org.mlgrade.api.naivebayes.PosteriorQuery;

/** Hand-derived fits and posteriors, and the invariants of the posterior. */
class GaussianNaiveBayesReferenceTest {

  private final GaussianNaiveBayesReference reference = new GaussianNaiveBayesReference();

  @Test
  void fitsTheHandExample() {
    // x = 0, 2 (class 0) and 4, 6, 8 (class 1), N = 5
    GaussianModel model = reference.fit(NaiveBayesInputs.handData());
    // priors 2/5, 3/5
    assertThat(model.priors()).containsExactly(0.4, 0.6);
    // means (0+2)/2 = 1, (4+6+8)/3 = 6
    assertThat(model.means()).isDeepEqualTo(new double[][] {{1}, {6}});
    // residuals -1, 1, -2, 0, 2: (1+1+4+0+4)/5 = 2
    assertThat(model.variances()).containsExactly(2.0);
  }

  @Test
  void fitsATwoFeatureExampleByHand() {
    // class 0: (1,5), (2,5); class 1: (3,7), (5,7), (9,7)
    GaussianModel model = reference.fit(new LabelledData(
        new double[][] {{1, 5}, {2, 5}, {3, 7}, {5, 7}, {9, 7}}, new int[] {0, 0, 1, 1, 1}, 2));
    // means: (1.5, 5), (17/3, 7)
    assertThat(model.means()[0]).containsExactly(1.5, 5.0);
    assertThat(model.means()[1][0]).isCloseTo(17.0 / 3, offset(1e-15));
    // feature 0 residuals: -0.5, 0.5, 3-17/3 = -8/3, 5-17/3 = -2/3, 9-17/3 = 10/3
    // squares: 1/4 + 1/4 + (64 + 4 + 100)/9 = 1/2 + 168/9; over 5: (0.5 + 18.6667)/5
    assertThat(model.variances()[0]).isCloseTo((0.5 + 168.0 / 9) / 5, offset(1e-14));
    // feature 1 is constant within each class: variance 0
    assertThat(model.variances()[1]).isZero();
  }

  @Test
  void oneExamplePerClassHasZeroVariance() {
    GaussianModel model = reference.fit(new LabelledData(new double[][] {{0, 1}, {3, -2}},
        new int[] {1, 0}, 2));
    assertThat(model.variances()).containsExactly(0.0, 0.0);
    assertThat(model.means()).isDeepEqualTo(new double[][] {{3, -2}, {0, 1}});
  }

  @Test
  void posteriorsOfTheHandModel() {
    double[][] p = reference.posterior(new PosteriorQuery(NaiveBayesInputs.handModel(),
        new double[][] {{3.5}, {1}, {10000}, {-10000}})).probabilities();
    // 3.5 is 2.5 from both means: the posterior is the prior
    assertThat(p[0][0]).isCloseTo(0.4, offset(1e-15));
    assertThat(p[0][1]).isCloseTo(0.6, offset(1e-15));
    // x = 1: p1 / p0 = (0.6 / 0.4) * exp(-(1-6)^2 / (2*2)) = 1.5 e^-6.25
    double ratio = 1.5 * Math.exp(-6.25);
    assertThat(p[1][0]).isCloseTo(1 / (1 + ratio), offset(1e-15));
    assertThat(p[1][1]).isCloseTo(ratio / (1 + ratio), offset(1e-15));
    // x = 1e4: log(p0/p1) = log(0.4/0.6) - (9999^2 - 9994^2)/4 = log(2/3) - 24991.25: underflows
    assertThat(p[2]).containsExactly(0.0, 1.0);
    // x = -1e4: log(p1/p0) = log 1.5 - (10006^2 - 10001^2)/4 = log 1.5 - 25008.75
    assertThat(p[3]).containsExactly(1.0, 0.0);
  }

  @Test
  void twoClassPosteriorIsTheLogisticOfALinearFunction() {
    // with shared variances, log(p1/p0) = log(π1/π0) + sum_j [(μ1j - μ0j) x_j
    //   - (μ1j^2 - μ0j^2)/2] / σ_j^2, so p1 = 1 / (1 + exp(-that))
    SplittableRandom random = new SplittableRandom(3);
    for (int draw = 0; draw < 200; draw++) {
      int d = random.nextInt(1, 4);
      double prior = random.nextDouble(0.05, 0.95);
      double[][] means = new double[2][d];
      double[] variances = new double[d];
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        means[0][j] = random.nextDouble(-3, 3);
        means[1][j] = random.nextDouble(-3, 3);
        variances[j] = random.nextDouble(0.5, 3);
        x[j] = random.nextDouble(-4, 4);
      }
      double logit = Math.log((1 - prior) / prior);
      for (int j = 0; j < d; j++) {
        logit += ((means[1][j] - means[0][j]) * x[j]
            - (means[1][j] * means[1][j] - means[0][j] * means[0][j]) / 2) / variances[j];
      }
      double[] p = reference.posterior(new PosteriorQuery(
          new GaussianModel(new double[] {prior, 1 - prior}, means, variances),
          new double[][] {x})).probabilities()[0];
      assertThat(p[1]).isCloseTo(1 / (1 + Math.exp(-logit)), offset(1e-12));
    }
  }

  @Test
  void posteriorsSumToOneAndStayFiniteFarAway() {
    SplittableRandom random = new SplittableRandom(5);
    for (int draw = 0; draw < 300; draw++) {
      int classes = random.nextInt(1, 6);
      int d = random.nextInt(1, 5);
      double[] priors = new double[classes];
      double[][] means = new double[classes][d];
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        priors[k] = random.nextDouble(0.01, 1);
        sum += priors[k];
        for (int j = 0; j < d; j++) {
          means[k][j] = random.nextDouble(-5, 5);
        }
      }
      double[] variances = new double[d];
      for (int j = 0; j < d; j++) {
        variances[j] = random.nextDouble(0.01, 4);
      }
      for (int k = 0; k < classes; k++) {
        priors[k] /= sum;
      }
      double[][] x = new double[4][d];
      for (int i = 0; i < x.length; i++) {
        // near the means, 1e4 away (where exp(s_k) underflows), up to 1e8 away
        double scale = new double[] {1, 1e4, 1e6, 1e8}[i];
        for (int j = 0; j < d; j++) {
          x[i][j] = scale * random.nextDouble(-1, 1);
        }
      }
      double[][] p = reference.posterior(new PosteriorQuery(
          new GaussianModel(priors, means, variances), x)).probabilities();
      for (double[] row : p) {
        double total = 0;
        for (double value : row) {
          assertThat(value).isFinite().isBetween(0.0, 1.0);
          total += value;
        }
        assertThat(total).isCloseTo(1, offset(1e-12));
      }
    }
  }

  @Test
  void invalidInputsAreRejectedWithReadableMessages() {
    assertThatThrownBy(() -> new LabelledData(new double[][] {{1}, {2}}, new int[] {0, 0}, 2))
        .hasMessageContaining("class 1 has no training example");
    assertThatThrownBy(() -> new LabelledData(new double[][] {{1}, {2}}, new int[] {0, 2}, 2))
        .hasMessageContaining("y[1] = 2 is not in 0..1");
    assertThatThrownBy(() -> new LabelledData(new double[][] {{1}, {2, 3}}, new int[] {0, 0}, 1))
        .hasMessageContaining("x[0] has 1 values, x[1] has 2");
    GaussianModel model = NaiveBayesInputs.handModel();
    assertThatThrownBy(() -> new PosteriorQuery(new GaussianModel(new double[] {0.5, 0.6},
        model.means(), model.variances()), new double[][] {{1}}))
        .hasMessageContaining("priors must sum to 1");
    assertThatThrownBy(() -> new PosteriorQuery(new GaussianModel(model.priors(),
        model.means(), new double[] {0}), new double[][] {{1}}))
        .hasMessageContaining("variances[0] must be finite and > 0");
    assertThatThrownBy(() -> new PosteriorQuery(model, new double[][] {{1, 2}}))
        .hasMessageContaining("dimension 2 do not fit a model of dimension 1");
  }
}
