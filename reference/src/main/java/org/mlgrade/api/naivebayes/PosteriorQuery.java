package org.mlgrade.api.naivebayes;

import java.util.Objects;

/**
 * A model and the points whose class posteriors are wanted.
 *
 * @param model {@code K} priors, each {@code > 0} and summing to 1 (within {@code 1e-9}); {@code K
 *     x d} means; {@code d} variances, each {@code > 0}; all finite
 * @param x {@code M x d} array of points, {@code M >= 1}, every value finite
 */
public record PosteriorQuery(GaussianModel model, double[][] x) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param model {@code K} priors, each {@code > 0} and summing to 1 (within {@code 1e-9}); {@code
   *     K x d} means; {@code d} variances, each {@code > 0}; all finite
   * @param x {@code M x d} array of points, {@code M >= 1}, every value finite
   */
  public PosteriorQuery {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(x, "x");
    double[] priors = Objects.requireNonNull(model.priors(), "model.priors");
    double[] variances = Objects.requireNonNull(model.variances(), "model.variances");
    double[][] means = Objects.requireNonNull(model.means(), "model.means");
    int d = Checks.matrix("model.means", means);
    if (priors.length != means.length) {
      throw new IllegalArgumentException("model has " + priors.length + " priors but "
          + means.length + " rows of means: expected one of each per class");
    }
    double sum = 0;
    for (int k = 0; k < priors.length; k++) {
      if (!(priors[k] > 0) || !Double.isFinite(priors[k])) {
        throw new IllegalArgumentException(
            "model.priors[" + k + "] must be finite and > 0, got " + priors[k]);
      }
      sum += priors[k];
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("model.priors must sum to 1, got " + sum);
    }
    if (variances.length != d) {
      throw new IllegalArgumentException("model has " + variances.length
          + " variances but means of dimension " + d + ": expected one variance per feature");
    }
    for (int j = 0; j < d; j++) {
      if (!(variances[j] > 0) || !Double.isFinite(variances[j])) {
        throw new IllegalArgumentException(
            "model.variances[" + j + "] must be finite and > 0, got " + variances[j]);
      }
    }
    int columns = Checks.matrix("x", x);
    if (columns != d) {
      throw new IllegalArgumentException(
          "points x of dimension " + columns + " do not fit a model of dimension " + d);
    }
  }
}
