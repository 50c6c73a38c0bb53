package org.mlgrade.api.backprop;

/**
 * The ReLU network of {@link Backprop#reluNet}, an input and its label. Weights are indexed
 * <b>from, to</b>: {@code w1[i][j]} is the weight from input {@code i} to unit {@code j} of
 * hidden layer 1 (the homework's {@code w_ij} with 1-based indices is {@code w1[i-1][j-1]}).
 *
 * @param x the input, length {@code n0 >= 1}
 * @param w1 weights input to hidden layer 1, shape {@code [n0][n1]}
 * @param w2 weights hidden layer 1 to hidden layer 2, shape {@code [n1][n2]}
 * @param w3 weights hidden layer 2 to the output, length {@code n2}
 * @param y the label, 0 or 1
 */
public record ReluNetInput(double[] x, double[][] w1, double[][] w2, double[] w3, int y) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param x the input, length {@code n0 >= 1}
   * @param w1 weights input to hidden layer 1, shape {@code [n0][n1]}
   * @param w2 weights hidden layer 1 to hidden layer 2, shape {@code [n1][n2]}
   * @param w3 weights hidden layer 2 to the output, length {@code n2}
   * @param y the label, 0 or 1
   */
  public ReluNetInput {
    BackpropChecks.nonEmpty("x", x);
    int n1 = BackpropChecks.matrix("w1", w1, x.length);
    int n2 = BackpropChecks.matrix("w2", w2, n1);
    BackpropChecks.vector("w3", w3, n2, "one weight per unit of hidden layer 2");
    if (y != 0 && y != 1) {
      throw new IllegalArgumentException("label y must be 0 or 1, got " + y);
    }
  }
}
