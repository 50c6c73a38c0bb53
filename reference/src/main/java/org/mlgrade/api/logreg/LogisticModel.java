package org.mlgrade.api.logreg;

import java.util.Objects;

/**
 * The parameters of a logistic-regression model, {@code P(y = 1 | x) = sigmoid(w . x + b)}.
 *
 * @param w the weights, one per feature (length {@code d >= 1})
 * @param b the bias
 */
public record LogisticModel(double[] w, double b) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param w the weights, one per feature (length {@code d >= 1})
   * @param b the bias
   */
  public LogisticModel {
    Objects.requireNonNull(w, "weights w must be an array of length d >= 1, got null");
    if (w.length == 0) {
      throw new IllegalArgumentException("weights w must have at least one feature, got length 0");
    }
  }
}
