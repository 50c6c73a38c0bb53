package org.mlgrade.api.resnet;

import java.util.Arrays;
import java.util.Objects;

/** Shape checks shared by the input records; messages name the value and the expected shape. */
final class Shapes {

  private Shapes() {}

  /** The shape {n, c, h, w} of a rectangular 4-d array whose sizes are all at least 1. */
  static int[] of4(String name, double[][][][] x) {
    Objects.requireNonNull(x, name + " must not be null");
    int n = x.length;
    int c = n == 0 || x[0] == null ? 0 : x[0].length;
    int h = c == 0 || x[0][0] == null ? 0 : x[0][0].length;
    int w = h == 0 || x[0][0][0] == null ? 0 : x[0][0][0].length;
    if (n == 0 || c == 0 || h == 0 || w == 0) {
      throw new IllegalArgumentException(
          name + " must have shape (N, C, H, W) with every size >= 1, got an empty array");
    }
    for (int i = 0; i < n; i++) {
      check(name + "[" + i + "]", x[i], c);
      for (int j = 0; j < c; j++) {
        check(name + "[" + i + "][" + j + "]", x[i][j], h);
        for (int k = 0; k < h; k++) {
          check(name + "[" + i + "][" + j + "][" + k + "]", x[i][j][k], w);
        }
      }
    }
    return new int[] {n, c, h, w};
  }

  /** Checks that {@code x} has exactly the shape {@code expected}. */
  static void require4(String name, double[][][][] x, int... expected) {
    int[] shape = of4(name, x);
    if (!Arrays.equals(shape, expected)) {
      throw new IllegalArgumentException(
          name + " must have shape " + show(expected) + ", got " + show(shape));
    }
  }

  /** Checks that {@code x} is a rectangular {@code rows x cols} matrix. */
  static void require2(String name, double[][] x, int rows, int cols) {
    Objects.requireNonNull(x, name + " must not be null");
    if (x.length != rows) {
      throw new IllegalArgumentException(
          name + " must have shape (" + rows + ", " + cols + "), got " + x.length + " rows");
    }
    for (int i = 0; i < rows; i++) {
      check(name + "[" + i + "]", x[i], cols);
    }
  }

  /** Checks that {@code v} has {@code length} entries. */
  static void require1(String name, double[] v, int length) {
    check(name, v, length);
  }

  private static void check(String name, Object[] x, int length) {
    Objects.requireNonNull(x, name + " must not be null");
    if (x.length != length) {
      throw new IllegalArgumentException(
          name + " has length " + x.length + " but must have length " + length
              + " (arrays must be rectangular)");
    }
  }

  private static void check(String name, double[] x, int length) {
    Objects.requireNonNull(x, name + " must not be null");
    if (x.length != length) {
      throw new IllegalArgumentException(
          name + " has length " + x.length + " but must have length " + length);
    }
  }

  static String show(int... shape) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      text.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return text.append(')').toString();
  }

  /**
   * PyTorch's rule for BatchNorm in training mode: the batch statistics need more than one value
   * per channel, that is {@code N * H * W > 1}.
   */
  static void requireBatchStatistics(String name, Mode mode, int n, int h, int w) {
    if (mode == Mode.TRAINING && (long) n * h * w <= 1) {
      throw new IllegalArgumentException(
          name + ": BatchNorm in TRAINING mode needs more than 1 value per channel (N * H * W > 1),"
              + " got N = " + n + ", H = " + h + ", W = " + w
              + "; PyTorch raises the same error. Use EVAL mode, a batch N > 1 or a larger image");
    }
  }
}
