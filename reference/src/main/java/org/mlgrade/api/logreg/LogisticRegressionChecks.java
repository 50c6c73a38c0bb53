package org.mlgrade.api.logreg;

/** Argument checks shared by the input records; messages name the value and its expected shape. */
final class LogisticRegressionChecks {

  private LogisticRegressionChecks() {}

  static void checkExample(String name, double[] x, int y, int d) {
    if (x.length != d) {
      throw new IllegalArgumentException(
          name + " has " + x.length + " features but the weights w have " + d);
    }
    if (y != 0 && y != 1) {
      throw new IllegalArgumentException("label of " + name + " must be 0 or 1, got " + y);
    }
  }

  static void checkData(double[][] xs, int[] ys, int d) {
    if (xs == null || ys == null) {
      throw new IllegalArgumentException("features xs and labels ys must not be null");
    }
    if (xs.length == 0) {
      throw new IllegalArgumentException("the data set must hold at least one example, got 0");
    }
    if (xs.length != ys.length) {
      throw new IllegalArgumentException(
          "xs has " + xs.length + " examples but ys has " + ys.length + " labels");
    }
    for (int n = 0; n < xs.length; n++) {
      if (xs[n] == null) {
        throw new IllegalArgumentException("xs[" + n + "] must not be null");
      }
      checkExample("xs[" + n + "]", xs[n], ys[n], d);
    }
  }

  static void checkLearningRate(double eta) {
    if (!(eta > 0) || !Double.isFinite(eta)) {
      throw new IllegalArgumentException("learning rate eta must be finite and > 0, got " + eta);
    }
  }
}
