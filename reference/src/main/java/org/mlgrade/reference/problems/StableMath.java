package org.mlgrade.reference.problems;

/** Scalar functions the reference solutions share, evaluated without overflow or underflow. */
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

  /** {@code log(1 + e^z) = max(z, 0) + log1p(e^-|z|)}. */
  public static double softplus(double z) {
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }

  /**
   * {@code log sum_k exp(v_k) = m + log sum_k exp(v_k - m)} with {@code m = max_k v_k}; {@code
   * -Infinity} when every term is {@code -Infinity}.
   */
  public static double logSumExp(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double value : v) {
      m = Math.max(m, value);
    }
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    double sum = 0;
    for (double value : v) {
      sum += Math.exp(value - m);
    }
    return m + Math.log(sum);
  }
}
