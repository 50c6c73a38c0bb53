package org.mlgrade.api.logreg;

import java.util.Objects;

/**
 * One SGD step on one example.
 *
 * @param model the parameters before the step
 * @param x the example's features, same length {@code d} as {@code model.w()}
 * @param y the example's label, 0 or 1
 * @param eta the learning rate, {@code > 0}
 */
public record SgdStepInput(LogisticModel model, double[] x, int y, double eta) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param model the parameters before the step
   * @param x the example's features, same length {@code d} as {@code model.w()}
   * @param y the example's label, 0 or 1
   * @param eta the learning rate, {@code > 0}
   */
  public SgdStepInput {
    Objects.requireNonNull(model, "model must not be null");
    Objects.requireNonNull(x, "features x must not be null");
    LogisticRegressionChecks.checkExample("x", x, y, model.w().length);
    LogisticRegressionChecks.checkLearningRate(eta);
  }
}
