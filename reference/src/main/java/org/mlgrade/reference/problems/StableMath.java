package org.mlgrade.reference.problems;

/**
 * Scalar functions the reference solutions share, evaluated without overflow, underflow or
 * cancellation: each is exact to a few ulps for every double argument (checked against a
 * 60-digit evaluation by the property tests).
 */
public final class StableMath {

  private StableMath() {}

  /** {@code 1 / (1 + e^-z)} for either sign of z. */
  public static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }

  /** {@code sigmoid'(z) = sigmoid(z) (1 - sigmoid(z)) = sigmoid(z) sigmoid(-z)}, no cancellation. */
  public static double sigmoidDerivative(double z) {
    return sigmoid(z) * sigmoid(-z);
  }

  /** {@code log(1 + e^z) = max(z, 0) + log1p(e^-|z|)}. */
  public static double softplus(double z) {
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }

  /**
   * The logistic loss {@code L = log(1 + e^z) - y z} for a label {@code y} in {0, 1}: {@code
   * softplus(z)} for y = 0 and {@code softplus(-z)} for y = 1 (the same value, without the
   * cancellation of {@code softplus(z) - z} that loses every digit for large z).
   */
  public static double logisticLoss(double z, int y) {
    return y == 1 ? softplus(-z) : softplus(z) - y * z;
  }

  /**
   * {@code dL/dz = sigmoid(z) - y} for a label {@code y} in {0, 1}: {@code -sigmoid(-z)} for y =
   * 1, without the cancellation of {@code sigmoid(z) - 1}.
   */
  public static double logisticGradient(double z, int y) {
    return y == 1 ? -sigmoid(-z) : sigmoid(z) - y;
  }

  /** {@code tanh'(a) = 1 - tanh(a)^2 = 1 / cosh(a)^2}, without the cancellation near |tanh| = 1. */
  public static double tanhDerivative(double a) {
    double cosh = Math.cosh(a);
    return 1 / (cosh * cosh);
  }

  /**
   * {@code log sum_k exp(v_k) = m + log1p(sum_{k != k*} exp(v_k - m))} with {@code m = v_k* = max_k
   * v_k}; {@code -Infinity} when every term is {@code -Infinity}.
   */
  public static double logSumExp(double[] v) {
    int argMax = 0;
    for (int k = 1; k < v.length; k++) {
      if (v[k] > v[argMax]) {
        argMax = k;
      }
    }
    double m = v[argMax];
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    double rest = 0;
    for (int k = 0; k < v.length; k++) {
      if (k != argMax) {
        rest += Math.exp(v[k] - m);
      }
    }
    return m + Math.log1p(rest);
  }
}
