package org.mlgrade.api.kernel;

/**
 * The kinds of kernel a {@link KernelSpec} can describe, with the meaning of its {@code params}
 * and {@code parts}. Below, {@code x·z} is the dot product of two points and {@code ||x - z||^2}
 * their squared Euclidean distance.
 */
public enum KernelKind {

  /** {@code k(x, z) = x·z}; no params, no parts. */
  LINEAR,

  /**
   * {@code k(x, z) = (x·z + c)^degree}; params {@code [c, degree]}, degree a whole number from 1
   * to 10 (stored as a double); no parts.
   */
  POLYNOMIAL,

  /** {@code k(x, z) = exp(-gamma * ||x - z||^2)}; params {@code [gamma]} with gamma > 0; no parts. */
  RBF,

  /**
   * {@code k(x, z) = sum_m params[m] * parts[m](x, z)}; one weight per part, at least one part.
   * Weights may be negative.
   */
  WEIGHTED_SUM,

  /** {@code k(x, z) = prod_m parts[m](x, z)}; no params, at least one part. */
  PRODUCT,

  /**
   * {@code k(x, z) = sum_{d=0..D} params[d] * b(x, z)^d} where {@code b = parts[0]} is the only
   * part and {@code b^0 = 1}; params are the coefficients {@code a_0 .. a_D}, at least one.
   * Coefficients may be negative.
   */
  POLYNOMIAL_OF,

  /**
   * {@code k(x, z) = (f(x) + f(z))^2} with the affine function {@code f(x) = w·x + c}; params
   * {@code [w_1, ..., w_dim, c]} (the weights, then the offset), so there is one more param than
   * the points have coordinates; no parts.
   */
  SQUARED_SUM_OF_AFFINE
}
