package org.mlgrade.reference.problems.naivebayes;

import java.util.Arrays;
import java.util.List;
import org.mlgrade.api.naivebayes.GaussianModel;
import org.mlgrade.api.naivebayes.GaussianNaiveBayes;
import org.mlgrade.reference.KnownMistake;

/** Wrong answers students give to the Gaussian naive Bayes problems, each a wrong solver. */
final class NaiveBayesMistakes {

  private NaiveBayesMistakes() {}

  /** Mistakes in fitting. */
  static List<KnownMistake<GaussianNaiveBayes>> fit() {
    return List.of(
        new KnownMistake<GaussianNaiveBayes>("variance-divided-by-n-minus-k",
            "The maximum-likelihood shared variance divides by N, not by N - K (the unbiased"
                + " pooled estimate).",
            new GaussianNaiveBayesReference() {
              @Override
              protected double[] variances(double[][] x, int[] y, double[][] means, int[] counts) {
                return divide(squaredResiduals(x, y, means), x.length - counts.length);
              }
            }),
        new KnownMistake<GaussianNaiveBayes>("variance-divided-by-n-minus-1",
            "The maximum-likelihood shared variance divides by N, not by N - 1.",
            new GaussianNaiveBayesReference() {
              @Override
              protected double[] variances(double[][] x, int[] y, double[][] means, int[] counts) {
                return divide(squaredResiduals(x, y, means), x.length - 1);
              }
            }),
        new KnownMistake<GaussianNaiveBayes>("variance-about-overall-mean",
            "Each example's residual is measured from the mean of its own class, not from the"
                + " mean of all examples.",
            new GaussianNaiveBayesReference() {
              @Override
              protected double[] variances(double[][] x, int[] y, double[][] means, int[] counts) {
                double[][] overall = new double[1][x[0].length];
                for (double[] row : x) {
                  for (int j = 0; j < row.length; j++) {
                    overall[0][j] += row[j] / x.length;
                  }
                }
                return divide(squaredResiduals(x, new int[x.length], overall), x.length);
              }
            }),
        new KnownMistake<GaussianNaiveBayes>("per-class-variances-averaged",
            "The shared variance pools all N residuals and divides by N; averaging the K"
                + " per-class variances weights small classes too much.",
            new GaussianNaiveBayesReference() {
              @Override
              protected double[] variances(double[][] x, int[] y, double[][] means, int[] counts) {
                double[] variances = new double[x[0].length];
                for (int i = 0; i < x.length; i++) {
                  for (int j = 0; j < variances.length; j++) {
                    double r = x[i][j] - means[y[i]][j];
                    variances[j] += r * r / counts[y[i]] / counts.length;
                  }
                }
                return variances;
              }
            }),
        new KnownMistake<GaussianNaiveBayes>("uniform-priors",
            "The prior of class k is its share of the examples, N_k / N, not 1 / K.",
            new GaussianNaiveBayesReference() {
              @Override
              protected double[] priors(int[] counts, int n) {
                double[] priors = new double[counts.length];
                Arrays.fill(priors, 1.0 / counts.length);
                return priors;
              }
            }));
  }

  /** Mistakes in computing posteriors. */
  static List<KnownMistake<GaussianNaiveBayes>> posterior() {
    return List.of(
        new KnownMistake<GaussianNaiveBayes>("not-normalised",
            "p(x, y = k) is not yet the posterior: divide by the sum over classes, p(x).",
            new GaussianNaiveBayesReference() {
              @Override
              protected double[] logJoint(GaussianModel model, double[] x) {
                return textbookLogJoint(model, x);
              }

              @Override
              protected double[] normalise(double[] s) {
                double[] p = new double[s.length];
                for (int k = 0; k < s.length; k++) {
                  p[k] = Math.exp(s[k]);
                }
                return p;
              }
            }),
        new KnownMistake<GaussianNaiveBayes>("priors-ignored",
            "The posterior multiplies the likelihood by the prior π_k.",
            new GaussianNaiveBayesReference() {
              @Override
              protected double[] logJoint(GaussianModel model, double[] x) {
                double[] s = super.logJoint(model, x);
                for (int k = 0; k < s.length; k++) {
                  s[k] -= Math.log(model.priors()[k]);
                }
                return s;
              }
            }),
        new KnownMistake<GaussianNaiveBayes>("exponent-without-half",
            "The Gaussian exponent is -(x - μ)^2 / (2 σ^2): the factor 1/2 is missing.",
            new GaussianNaiveBayesReference() {
              @Override
              protected double[] logJoint(GaussianModel model, double[] x) {
                // twice the quadratic term: s_k + sum_j -(x_j - μ_kj)^2 / (2 σ_j^2)
                double[] s = super.logJoint(model, x);
                for (int k = 0; k < s.length; k++) {
                  for (int j = 0; j < x.length; j++) {
                    double r = x[j] - model.means()[k][j];
                    s[k] -= r * r / (2 * model.variances()[j]);
                  }
                }
                return s;
              }
            }),
        new KnownMistake<GaussianNaiveBayes>("naive-exp",
            "exp(s_k) underflows to 0 for every class far from the means, and 0/0 is NaN:"
                + " subtract max_k s_k before exponentiating (log-sum-exp).",
            new GaussianNaiveBayesReference() {
              @Override
              protected double[] logJoint(GaussianModel model, double[] x) {
                return textbookLogJoint(model, x);
              }

              @Override
              protected double[] normalise(double[] s) {
                double sum = 0;
                double[] p = new double[s.length];
                for (int k = 0; k < s.length; k++) {
                  p[k] = Math.exp(s[k]);
                  sum += p[k];
                }
                for (int k = 0; k < s.length; k++) {
                  p[k] /= sum;
                }
                return p;
              }
            }));
  }

  static double[] divide(double[] values, double by) {
    double[] result = new double[values.length];
    for (int j = 0; j < values.length; j++) {
      result[j] = values[j] / by;
    }
    return result;
  }
}
