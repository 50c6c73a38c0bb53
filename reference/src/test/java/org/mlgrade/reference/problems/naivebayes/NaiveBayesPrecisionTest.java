package org.mlgrade.reference.problems.naivebayes;

import static org.mlgrade.reference.HighPrecision.MC;
import static org.mlgrade.reference.HighPrecision.assertClose;
import static org.mlgrade.reference.HighPrecision.of;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.naivebayes.GaussianModel;
import org.mlgrade.api.naivebayes.PosteriorQuery;
import org.mlgrade.reference.HighPrecision;

/**
 * Gaussian naive Bayes posteriors against a 60-digit evaluation ({@link HighPrecision}), to 1e-12
 * relative, for points near the class means and far from all of them (where each class's
 * log-density is huge and only their differences matter).
 */
class NaiveBayesPrecisionTest {

  @Test
  void posteriorsAreExactNearAndFarFromTheMeans() {
    SplittableRandom random = new SplittableRandom(6_502);
    GaussianNaiveBayesReference reference = new GaussianNaiveBayesReference();
    for (int trial = 0; trial < 150; trial++) {
      int k = 2 + random.nextInt(3);
      int d = 1 + random.nextInt(3);
      double[] priors = random.doubles(k, 0.05, 1).toArray();
      double total = 0;
      for (double p : priors) {
        total += p;
      }
      for (int c = 0; c < k; c++) {
        priors[c] /= total;
      }
      double[][] means = new double[k][];
      for (int c = 0; c < k; c++) {
        means[c] = random.doubles(d, -5, 5).toArray();
      }
      double[] variances = random.doubles(d, 0.1, 4).toArray();
      double far = Math.pow(10, random.nextInt(0, 5));
      double[][] x = {random.doubles(d, -far, far).toArray()};
      double[] posterior = reference.posterior(new PosteriorQuery(
          new GaussianModel(priors, means, variances), x)).probabilities()[0];
      // s_c = log pi_c - sum_j (x_j - mu_cj)^2 / (2 sigma_j^2); the -1/2 log(2 pi sigma_j^2)
      // terms are the same for every class and cancel in the posterior
      BigDecimal[] s = new BigDecimal[k];
      int argMax = 0;
      for (int c = 0; c < k; c++) {
        s[c] = HighPrecision.log(of(priors[c]));
        for (int j = 0; j < d; j++) {
          BigDecimal r = of(x[0][j]).subtract(of(means[c][j]));
          s[c] = s[c].subtract(r.multiply(r).divide(of(2 * variances[j]), MC), MC);
        }
        argMax = s[c].compareTo(s[argMax]) > 0 ? c : argMax;
      }
      BigDecimal sum = BigDecimal.ZERO;
      BigDecimal[] e = new BigDecimal[k];
      for (int c = 0; c < k; c++) {
        e[c] = HighPrecision.exp(s[c].subtract(s[argMax], MC));
        sum = sum.add(e[c], MC);
      }
      for (int c = 0; c < k; c++) {
        assertClose(posterior[c], e[c].divide(sum, MC), "posterior[" + c + "] #" + trial
            + " at distance " + far);
      }
    }
  }
}
