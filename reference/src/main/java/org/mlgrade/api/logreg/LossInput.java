package org.mlgrade.api.logreg;

import java.util.Objects;

/**
 * A model and a data set to compute the cross-entropy loss on.
 *
 * @param model the parameters
 * @param xs the examples' features, shape {@code [N][d]}, {@code N >= 1}
 * @param ys the labels, 0 or 1, length {@code N}
 */
public record LossInput(LogisticModel model, double[][] xs, int[] ys) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param model the parameters
   * @param xs the examples' features, shape {@code [N][d]}, {@code N >= 1}
   * @param ys the labels, 0 or 1, length {@code N}
   */
  public LossInput {
    Objects.requireNonNull(model, "model must not be null");
    LogisticRegressionChecks.checkData(xs, ys, model.w().length);
  }
}
