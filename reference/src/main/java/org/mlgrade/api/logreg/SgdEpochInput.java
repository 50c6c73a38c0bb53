package org.mlgrade.api.logreg;

import java.util.Objects;

/**
 * One epoch of SGD: one step per example, in the given order.
 *
 * @param model the parameters before the epoch
 * @param xs the examples' features, {@code xs[n]} is example {@code n} (shape {@code [N][d]},
 *     {@code N >= 1})
 * @param ys the labels, {@code ys[n]} is the label (0 or 1) of example {@code n} (length {@code N})
 * @param eta the learning rate, {@code > 0}
 */
public record SgdEpochInput(LogisticModel model, double[][] xs, int[] ys, double eta) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param model the parameters before the epoch
   * @param xs the examples' features, {@code xs[n]} is example {@code n} (shape {@code [N][d]},
   *     {@code N >= 1})
   * @param ys the labels, {@code ys[n]} is the label (0 or 1) of example {@code n} (length {@code
   *     N})
   * @param eta the learning rate, {@code > 0}
   */
  public SgdEpochInput {
    Objects.requireNonNull(model, "model must not be null");
    LogisticRegressionChecks.checkData(xs, ys, model.w().length);
    LogisticRegressionChecks.checkLearningRate(eta);
  }
}
