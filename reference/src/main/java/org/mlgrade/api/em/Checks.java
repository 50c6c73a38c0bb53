package org.mlgrade.api.em;

/** Argument checks shared by the input records; the messages are read by students. */
final class Checks {

  /** How far the mixing weights, or a row of responsibilities, may sum away from 1. */
  static final double SUM_SLACK = 1e-9;

  private Checks() {}

  /** Checks that {@code x} is an N x D matrix of 0 and 1 with N, D >= 1; returns D. */
  static int binaryData(int[][] x) {
    if (x == null) {
      throw new IllegalArgumentException("x must not be null");
    }
    if (x.length == 0) {
      throw new IllegalArgumentException("x must have at least one row (N >= 1), got 0 rows");
    }
    if (x[0] == null || x[0].length == 0) {
      throw new IllegalArgumentException("x must have at least one column (D >= 1)");
    }
    int d = x[0].length;
    for (int n = 0; n < x.length; n++) {
      if (x[n] == null || x[n].length != d) {
        throw new IllegalArgumentException("x must be N x D: row " + n + " has "
            + (x[n] == null ? "no" : String.valueOf(x[n].length)) + " entries but row 0 has " + d);
      }
      for (int j = 0; j < d; j++) {
        if (x[n][j] != 0 && x[n][j] != 1) {
          throw new IllegalArgumentException(
              "x must hold only 0 and 1, but x[" + n + "][" + j + "] = " + x[n][j]);
        }
      }
    }
    return d;
  }

  /**
   * Checks that {@code pi} has K >= 1 entries in [0, 1] summing to 1 and that {@code p} is K x D
   * with entries in [0, 1].
   */
  static void mixture(double[] pi, double[][] p, int d) {
    if (pi == null || pi.length == 0) {
      throw new IllegalArgumentException("pi must have K >= 1 entries");
    }
    double sum = 0;
    for (int k = 0; k < pi.length; k++) {
      if (!(pi[k] >= 0 && pi[k] <= 1)) {
        throw new IllegalArgumentException("pi[" + k + "] = " + pi[k] + " is not in [0, 1]");
      }
      sum += pi[k];
    }
    if (Math.abs(sum - 1) > SUM_SLACK) {
      throw new IllegalArgumentException("pi must sum to 1, but it sums to " + sum);
    }
    means(p, pi.length, d, "p");
  }

  /** Checks that {@code p} is K x D with entries in [0, 1]. */
  static void means(double[][] p, int k, int d, String name) {
    if (p == null || p.length != k) {
      throw new IllegalArgumentException(name + " must be K x D = " + k + "x" + d + ", but it has "
          + (p == null ? "no" : String.valueOf(p.length)) + " rows");
    }
    for (int c = 0; c < k; c++) {
      if (p[c] == null || p[c].length != d) {
        throw new IllegalArgumentException(name + " must be K x D = " + k + "x" + d + ", but row "
            + c + " has " + (p[c] == null ? "no" : String.valueOf(p[c].length)) + " entries");
      }
      for (int j = 0; j < d; j++) {
        if (!(p[c][j] >= 0 && p[c][j] <= 1)) {
          throw new IllegalArgumentException(
              name + "[" + c + "][" + j + "] = " + p[c][j] + " is not in [0, 1]");
        }
      }
    }
  }

  /**
   * Checks that every row of {@code x} has a non-zero probability under at least one component,
   * so that the log-likelihood is finite and the responsibilities are defined.
   */
  static void everyRowPossible(int[][] x, double[] pi, double[][] p) {
    for (int n = 0; n < x.length; n++) {
      boolean possible = false;
      for (int k = 0; k < pi.length && !possible; k++) {
        possible = pi[k] > 0;
        for (int j = 0; j < x[n].length && possible; j++) {
          possible = x[n][j] == 1 ? p[k][j] > 0 : p[k][j] < 1;
        }
      }
      if (!possible) {
        throw new IllegalArgumentException("row " + n + " of x has probability 0 under every"
            + " component (each k has pi_k = 0, or some p_kd = 0 where x_nd = 1, or p_kd = 1"
            + " where x_nd = 0), so its responsibilities are undefined");
      }
    }
  }

  /** Checks that {@code r} is N x K, with entries >= 0 and rows summing to 1. */
  static int responsibilities(double[][] r, int n) {
    if (r == null || r.length != n) {
      throw new IllegalArgumentException("responsibilities must be N x K with N = " + n
          + " (one row per row of x), but it has "
          + (r == null ? "no" : String.valueOf(r.length)) + " rows");
    }
    if (r[0] == null || r[0].length == 0) {
      throw new IllegalArgumentException("responsibilities must have K >= 1 columns");
    }
    int k = r[0].length;
    for (int i = 0; i < n; i++) {
      if (r[i] == null || r[i].length != k) {
        throw new IllegalArgumentException("responsibilities must be N x K: row " + i + " has "
            + (r[i] == null ? "no" : String.valueOf(r[i].length)) + " entries but row 0 has "
            + k);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        if (!(r[i][c] >= 0 && r[i][c] <= 1)) {
          throw new IllegalArgumentException(
              "responsibilities[" + i + "][" + c + "] = " + r[i][c] + " is not in [0, 1]");
        }
        sum += r[i][c];
      }
      if (Math.abs(sum - 1) > SUM_SLACK) {
        throw new IllegalArgumentException(
            "row " + i + " of responsibilities must sum to 1, but it sums to " + sum);
      }
    }
    return k;
  }

  /** Checks that {@code value} is finite and >= 0. */
  static void nonNegative(double value, String name) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
    }
  }
}
