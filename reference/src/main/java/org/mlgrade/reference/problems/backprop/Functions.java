package org.mlgrade.reference.problems.backprop;

/** Scalar functions evaluated without overflow. */
final class Functions {

  private Functions() {}

  /** {@code 1 / (1 + e^-z)} for either sign of z. */
  static double sigmoid(double z) {
    if (z >= 0) {
      return 1 / (1 + Math.exp(-z));
    }
    double e = Math.exp(z);
    return e / (1 + e);
  }

  /** {@code log(1 + e^z) = max(z, 0) + log1p(e^-|z|)}. */
  static double softplus(double z) {
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }
}
