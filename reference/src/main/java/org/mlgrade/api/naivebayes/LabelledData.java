package org.mlgrade.api.naivebayes;

import java.util.Objects;

/**
 * Training examples with their class labels.
 *
 * @param x {@code N x d} array, {@code x[i]} is example {@code i}; {@code N >= 1}, {@code d >= 1},
 *     every value finite
 * @param y {@code N} labels, {@code y[i]} in {@code 0 .. classes-1}
 * @param classes the number of classes {@code K >= 1}; every class has at least one example
 */
public record LabelledData(double[][] x, int[] y, int classes) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param x {@code N x d} array, {@code x[i]} is example {@code i}; {@code N >= 1}, {@code d >=
   *     1}, every value finite
   * @param y {@code N} labels, {@code y[i]} in {@code 0 .. classes-1}
   * @param classes the number of classes {@code K >= 1}; every class has at least one example
   */
  public LabelledData {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    Checks.matrix("x", x);
    if (y.length != x.length) {
      throw new IllegalArgumentException(
          "y has " + y.length + " labels but x has " + x.length + " examples");
    }
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be >= 1, got " + classes);
    }
    int[] counts = new int[classes];
    for (int i = 0; i < y.length; i++) {
      if (y[i] < 0 || y[i] >= classes) {
        throw new IllegalArgumentException(
            "label y[" + i + "] = " + y[i] + " is not in 0.." + (classes - 1));
      }
      counts[y[i]]++;
    }
    for (int k = 0; k < classes; k++) {
      if (counts[k] == 0) {
        throw new IllegalArgumentException("class " + k + " has no training example");
      }
    }
  }
}
