package org.mlgrade.reference.problems.naivebayes;

import org.mlgrade.api.naivebayes.GaussianModel;
import org.mlgrade.api.naivebayes.GaussianNaiveBayes;
import org.mlgrade.api.naivebayes.LabelledData;
import org.mlgrade.api.naivebayes.PosteriorQuery;
import org.mlgrade.api.naivebayes.Posteriors;

/**
 * Reference solution of {@link GaussianNaiveBayes}.
 *
 * <p>Fit (maximum likelihood, shared variances): {@code π_k = N_k / N}, {@code μ_kj = mean of
 * x_ij over class k}, {@code σ_j^2 = (1/N) sum_i (x_ij - μ_{y_i, j})^2}. Posterior: {@code s_k =
 * log π_k + sum_j [-1/2 log(2π σ_j^2) - (x_j - μ_kj)^2 / (2 σ_j^2)]}, normalised by log-sum-exp.
 * Each step is a protected method, so that a known mistake can override one step.
 */
public class GaussianNaiveBayesReference implements GaussianNaiveBayes {

  @Override
  public GaussianModel fit(LabelledData data) {
    double[][] x = data.x();
    int[] y = data.y();
    int n = x.length;
    int d = x[0].length;
    int classes = data.classes();
    // counts[K]
    int[] counts = new int[classes];
    for (int label : y) {
      counts[label]++;
    }
    // priors[K]
    double[] priors = priors(counts, n);
    // means[K, d]
    double[][] means = new double[classes][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        means[y[i]][j] += x[i][j];
      }
    }
    for (int k = 0; k < classes; k++) {
      for (int j = 0; j < d; j++) {
        means[k][j] /= counts[k];
      }
    }
    // variances[d]
    double[] variances = variances(x, y, means, counts);
    return new GaussianModel(priors, means, variances);
  }

  /** {@code π_k = N_k / N}. */
  protected double[] priors(int[] counts, int n) {
    double[] priors = new double[counts.length];
    for (int k = 0; k < counts.length; k++) {
      priors[k] = (double) counts[k] / n;
    }
    return priors;
  }

  /** {@code σ_j^2 = (1/N) sum_i (x_ij - μ_{y_i, j})^2}. */
  protected double[] variances(double[][] x, int[] y, double[][] means, int[] counts) {
    double[] squares = squaredResiduals(x, y, means);
    for (int j = 0; j < squares.length; j++) {
      squares[j] /= x.length;
    }
    return squares;
  }

  /** {@code sum_i (x_ij - μ_{y_i, j})^2} for each feature {@code j}. */
  static double[] squaredResiduals(double[][] x, int[] y, double[][] means) {
    double[] squares = new double[x[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < squares.length; j++) {
        double r = x[i][j] - means[y[i]][j];
        squares[j] += r * r;
      }
    }
    return squares;
  }

  @Override
  public Posteriors posterior(PosteriorQuery query) {
    GaussianModel model = query.model();
    double[][] x = query.x();
    // probabilities[M, K]
    double[][] probabilities = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      probabilities[i] = normalise(logJoint(model, x[i]));
    }
    return new Posteriors(probabilities);
  }

  /**
   * The log-joint up to a term that is the same for every class: {@code s_k = log π_k + sum_j
   * (μ_kj - μ_0j) (2 x_j - μ_kj - μ_0j) / (2 σ_j^2)}, which is the textbook {@link
   * #textbookLogJoint} minus {@code sum_j [-1/2 log(2π σ_j^2) - (x_j - μ_0j)^2 / (2 σ_j^2)]}. The
   * posterior is the same; the huge, nearly equal terms {@code (x_j - μ_kj)^2} of a point far from
   * every mean never meet in a subtraction (which cost up to 1e-12 relative at distance 1000).
   */
  protected double[] logJoint(GaussianModel model, double[] x) {
    int classes = model.priors().length;
    double[] anchor = model.means()[0];
    double[] s = new double[classes];
    for (int k = 0; k < classes; k++) {
      s[k] = Math.log(model.priors()[k]);
      for (int j = 0; j < x.length; j++) {
        double mean = model.means()[k][j];
        s[k] += (mean - anchor[j]) * (2 * x[j] - mean - anchor[j])
            / (2 * model.variances()[j]);
      }
    }
    return s;
  }

  /** {@code s_k = log π_k + sum_j [-1/2 log(2π σ_j^2) - (x_j - μ_kj)^2 / (2 σ_j^2)]}. */
  static double[] textbookLogJoint(GaussianModel model, double[] x) {
    int classes = model.priors().length;
    double[] s = new double[classes];
    for (int k = 0; k < classes; k++) {
      s[k] = Math.log(model.priors()[k]);
      for (int j = 0; j < x.length; j++) {
        double variance = model.variances()[j];
        double r = x[j] - model.means()[k][j];
        s[k] += -0.5 * Math.log(2 * Math.PI * variance) - r * r / (2 * variance);
      }
    }
    return s;
  }

  /** {@code exp(s_k - m) / sum_l exp(s_l - m)} with {@code m = max_l s_l} (log-sum-exp). */
  protected double[] normalise(double[] s) {
    double max = Double.NEGATIVE_INFINITY;
    for (double value : s) {
      max = Math.max(max, value);
    }
    double sum = 0;
    double[] p = new double[s.length];
    for (int k = 0; k < s.length; k++) {
      p[k] = Math.exp(s[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < s.length; k++) {
      p[k] /= sum;
    }
    return p;
  }
}
