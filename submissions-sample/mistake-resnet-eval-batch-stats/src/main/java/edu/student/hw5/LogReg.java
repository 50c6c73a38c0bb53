package edu.student.hw5;

import org.mlgrade.api.logreg.LogisticModel;
import org.mlgrade.api.logreg.LogisticRegressionSgd;
import org.mlgrade.api.logreg.LossInput;
import org.mlgrade.api.logreg.LossOutput;
import org.mlgrade.api.logreg.SgdEpochInput;
import org.mlgrade.api.logreg.SgdStepInput;

/** Logistic regression with plain SGD. */
public class LogReg implements LogisticRegressionSgd {

  static double sigmoid(double z) {
    if (z >= 0) {
      return 1.0 / (1.0 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1.0 + e);
  }

  private static double score(double[] w, double b, double[] x) {
    double z = b;
    for (int i = 0; i < w.length; i++) {
      z += w[i] * x[i];
    }
    return z;
  }

  private static LogisticModel update(double[] w, double b, double[] x, int y, double eta) {
    double z = score(w, b, x);
    double err = sigmoid(z) - y;
    double[] nw = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      nw[i] = w[i] - eta * err * x[i];
    }
    double nb = b - eta * err;
    return new LogisticModel(nw, nb);
  }

  @Override
  public LogisticModel step(SgdStepInput input) {
    return update(input.model().w(), input.model().b(), input.x(), input.y(), input.eta());
  }

  @Override
  public LogisticModel epoch(SgdEpochInput input) {
    LogisticModel m = input.model();
    for (int n = 0; n < input.xs().length; n++) {
      m = update(m.w(), m.b(), input.xs()[n], input.ys()[n], input.eta());
    }
    if (m == input.model()) {
      m = new LogisticModel(m.w().clone(), m.b());
    }
    return m;
  }

  @Override
  public LossOutput loss(LossInput input) {
    double[][] xs = input.xs();
    double[] each = new double[xs.length];
    double sum = 0;
    for (int n = 0; n < xs.length; n++) {
      double z = score(input.model().w(), input.model().b(), xs[n]);
      // log(1 + e^z) without overflow
      double softplus = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
      each[n] = softplus - input.ys()[n] * z;
      sum += each[n];
    }
    return new LossOutput(each, sum / xs.length);
  }
}
