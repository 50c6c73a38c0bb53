package org.mlgrade.api.backprop;

/**
 * The tanh/softmax network of {@link Backprop#tanhSoftmax}, an input and its class. Weights are
 * indexed <b>from, to</b>, as in {@link ReluNetInput}.
 *
 * @param x the input, length {@code d >= 1}
 * @param w1 weights input to hidden, shape {@code [d][h]}: {@code w1[i][j]} from input {@code i}
 *     to hidden unit {@code j}
 * @param b1 hidden biases, length {@code h}
 * @param w2 weights hidden to output, shape {@code [h][k]}: {@code w2[j][c]} from hidden unit
 *     {@code j} to class {@code c}
 * @param b2 output biases, length {@code k >= 2}
 * @param label the correct class, {@code 0 <= label < k} (the one-hot label is 1 at {@code label})
 */
public record TanhSoftmaxInput(
    double[] x, double[][] w1, double[] b1, double[][] w2, double[] b2, int label) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param x the input, length {@code d >= 1}
   * @param w1 weights input to hidden, shape {@code [d][h]}: {@code w1[i][j]} from input {@code i}
   *     to hidden unit {@code j}
   * @param b1 hidden biases, length {@code h}
   * @param w2 weights hidden to output, shape {@code [h][k]}: {@code w2[j][c]} from hidden unit
   *     {@code j} to class {@code c}
   * @param b2 output biases, length {@code k >= 2}
   * @param label the correct class, {@code 0 <= label < k} (the one-hot label is 1 at {@code
   *     label})
   */
  public TanhSoftmaxInput {
    BackpropChecks.nonEmpty("x", x);
    int h = BackpropChecks.matrix("w1", w1, x.length);
    BackpropChecks.vector("b1", b1, h, "one bias per hidden unit");
    int k = BackpropChecks.matrix("w2", w2, h);
    if (k < 2) {
      throw new IllegalArgumentException("w2 must have at least 2 columns (classes), got " + k);
    }
    BackpropChecks.vector("b2", b2, k, "one bias per class");
    if (label < 0 || label >= k) {
      throw new IllegalArgumentException(
          "label must be a class index in 0.." + (k - 1) + ", got " + label);
    }
  }
}
