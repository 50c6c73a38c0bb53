package org.mlgrade.api.kernel;

import java.util.Objects;

/**
 * A kernel and the points to evaluate it on.
 *
 * @param kernel the kernel, as data
 * @param points {@code N x dim} array, {@code points[i]} is point {@code x_i}; {@code N >= 1},
 *     {@code dim >= 1}, every value finite
 */
public record KernelOnPoints(KernelSpec kernel, double[][] points) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param kernel the kernel, as data
   * @param points {@code N x dim} array, {@code points[i]} is point {@code x_i}; {@code N >= 1},
   *     {@code dim >= 1}, every value finite
   */
  public KernelOnPoints {
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(points, "points");
    if (points.length == 0) {
      throw new IllegalArgumentException("points must hold at least one point, got 0");
    }
    int dim = -1;
    for (int i = 0; i < points.length; i++) {
      if (points[i] == null || points[i].length == 0) {
        throw new IllegalArgumentException("point " + i + " must have at least one coordinate");
      }
      if (dim >= 0 && points[i].length != dim) {
        throw new IllegalArgumentException("points must all have the same dimension: point 0 has "
            + dim + " coordinates, point " + i + " has " + points[i].length);
      }
      dim = points[i].length;
      for (double value : points[i]) {
        if (!Double.isFinite(value)) {
          throw new IllegalArgumentException("point " + i + " has a non-finite coordinate");
        }
      }
    }
    checkDimension(kernel, dim);
  }

  private static void checkDimension(KernelSpec kernel, int dim) {
    if (kernel.kind() == KernelKind.SQUARED_SUM_OF_AFFINE && kernel.params().length != dim + 1) {
      throw new IllegalArgumentException("f(x) = w·x + c with " + (kernel.params().length - 1)
          + " weights does not fit points of dimension " + dim + ": expected params [w_1, ..., w_"
          + dim + ", c] of length " + (dim + 1));
    }
    for (KernelSpec part : kernel.parts()) {
      checkDimension(part, dim);
    }
  }
}
