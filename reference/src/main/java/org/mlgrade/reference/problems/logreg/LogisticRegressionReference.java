package org.mlgrade.reference.problems.logreg;

import static org.mlgrade.reference.problems.StableMath.logisticGradient;
import static org.mlgrade.reference.problems.StableMath.logisticLoss;

import org.mlgrade.api.logreg.LogisticModel;
import org.mlgrade.api.logreg.LogisticRegressionSgd;
import org.mlgrade.api.logreg.LossInput;
import org.mlgrade.api.logreg.LossOutput;
import org.mlgrade.api.logreg.SgdEpochInput;
import org.mlgrade.api.logreg.SgdStepInput;

/**
 * Reference logistic-regression SGD: {@code z = w . x + b}, loss {@code L = log(1 + e^z) - y z},
 * gradient {@code dL/dz = sigmoid(z) - y}, step {@code w <- w - eta (sigmoid(z) - y) x, b <- b -
 * eta (sigmoid(z) - y)}; an epoch is one step per example in the given order.
 *
 * <p>The steps are protected methods so that the known mistakes can override exactly one of them.
 */
public class LogisticRegressionReference implements LogisticRegressionSgd {

  @Override
  public LogisticModel step(SgdStepInput input) {
    return update(input.model(), input.x(), input.y(), input.eta());
  }

  @Override
  public LogisticModel epoch(SgdEpochInput input) {
    LogisticModel model = input.model();
    for (int n = 0; n < input.xs().length; n++) {
      // each step starts from the previous step's parameters
      model = update(model, input.xs()[n], input.ys()[n], input.eta());
    }
    return model;
  }

  @Override
  public LossOutput loss(LossInput input) {
    double[][] xs = input.xs();
    double[] perExample = new double[xs.length]; // [N]
    for (int n = 0; n < xs.length; n++) {
      perExample[n] = exampleLoss(score(input.model(), xs[n]), input.ys()[n]);
    }
    return new LossOutput(perExample, mean(perExample));
  }

  /** One SGD step: {@code w - eta (dL/dz) x}, {@code b - eta (dL/dz)}, z from the old model. */
  protected LogisticModel update(LogisticModel model, double[] x, int y, double eta) {
    // forward: z with the parameters before the step
    double z = score(model, x);
    // backward: dL/dz, then dL/dw_i = dL/dz * x_i and dL/db = dL/dz
    double residual = dLossDz(z, y);
    double[] w = model.w().clone();
    for (int i = 0; i < w.length; i++) {
      w[i] -= eta * residual * x[i];
    }
    return new LogisticModel(w, model.b() - eta * residual);
  }

  /** {@code dL/dz = sigmoid(z) - y}, without cancellation for y = 1. */
  protected double dLossDz(double z, int y) {
    return logisticGradient(z, y);
  }

  /**
   * {@code L(z, y) = softplus(z) - y z}: {@code softplus(-z)} for y = 1, exact for any finite z
   * (softplus(z) - z loses every digit for large z: 0 instead of 9.4e-14 at z = 30).
   */
  protected double exampleLoss(double z, int y) {
    return logisticLoss(z, y);
  }

  /** The mean of the per-example losses. */
  protected double mean(double[] losses) {
    double sum = 0;
    for (double loss : losses) {
      sum += loss;
    }
    return sum / losses.length;
  }

  /** {@code z = w . x + b}. */
  static double score(LogisticModel model, double[] x) {
    double z = model.b();
    for (int i = 0; i < x.length; i++) {
      z += model.w()[i] * x[i];
    }
    return z;
  }


}
