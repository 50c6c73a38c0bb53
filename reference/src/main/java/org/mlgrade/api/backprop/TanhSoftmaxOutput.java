package org.mlgrade.api.backprop;

/**
 * Forward values and gradients of {@link Backprop#tanhSoftmax}; every gradient has the shape of
 * its parameter.
 *
 * @param hidden {@code tanh(a)}, length {@code h}
 * @param probabilities {@code softmax(s)}, length {@code k}
 * @param loss {@code -log probabilities[label]}
 * @param gradW1 {@code dL/dw1[i][j]}, shape {@code [d][h]}
 * @param gradB1 {@code dL/db1[j]}, length {@code h}
 * @param gradW2 {@code dL/dw2[j][c]}, shape {@code [h][k]}
 * @param gradB2 {@code dL/db2[c]}, length {@code k}
 */
public record TanhSoftmaxOutput(
    double[] hidden,
    double[] probabilities,
    double loss,
    double[][] gradW1,
    double[] gradB1,
    double[][] gradW2,
    double[] gradB2) {}
