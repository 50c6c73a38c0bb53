package org.mlgrade.reference.problems;

import java.util.SplittableRandom;

/** Uniform random numbers, vectors and matrices for the input generators. */
public final class RandomArrays {

  private RandomArrays() {}

  /** A number drawn uniformly from {@code [lo, hi)}. */
  public static double uniform(SplittableRandom random, double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  /** {@code n} numbers drawn uniformly from {@code [-scale, scale)}, in order. */
  public static double[] vector(SplittableRandom random, int n, double scale) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = uniform(random, -scale, scale);
    }
    return v;
  }

  /** A {@code rows x cols} matrix of {@link #vector} rows, drawn row by row. */
  public static double[][] matrix(SplittableRandom random, int rows, int cols, double scale) {
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = vector(random, cols, scale);
    }
    return m;
  }
}
