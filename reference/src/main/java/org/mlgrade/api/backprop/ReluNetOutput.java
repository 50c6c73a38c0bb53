package org.mlgrade.api.backprop;

/**
 * Forward values and gradients of {@link Backprop#reluNet}; every gradient array has the shape of
 * its weight array.
 *
 * @param a1 pre-activations of hidden layer 1, length {@code n1}
 * @param h1 activations {@code relu(a1)}, length {@code n1}
 * @param a2 pre-activations of hidden layer 2, length {@code n2}
 * @param h2 activations {@code relu(a2)}, length {@code n2}
 * @param z the output score
 * @param probability {@code P(y = 1 | x) = sigmoid(z)}
 * @param loss {@code L = -log P(y | x)}
 * @param outputDelta {@code dL/dz}
 * @param delta1 {@code delta1[j] = dL/da1[j]}, length {@code n1}
 * @param delta2 {@code delta2[k] = dL/da2[k]}, length {@code n2}
 * @param gradW1 {@code gradW1[i][j] = dL/dw1[i][j]}, shape {@code [n0][n1]}
 * @param gradW2 {@code gradW2[j][k] = dL/dw2[j][k]}, shape {@code [n1][n2]}
 * @param gradW3 {@code gradW3[k] = dL/dw3[k]}, length {@code n2}
 */
public record ReluNetOutput(
    double[] a1,
    double[] h1,
    double[] a2,
    double[] h2,
    double z,
    double probability,
    double loss,
    double outputDelta,
    double[] delta1,
    double[] delta2,
    double[][] gradW1,
    double[][] gradW2,
    double[] gradW3) {}
