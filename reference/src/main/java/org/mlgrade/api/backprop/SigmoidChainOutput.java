package org.mlgrade.api.backprop;

/**
 * The value and the weight derivatives of {@link Backprop#sigmoidChain}.
 *
 * @param f {@code w3 * sigmoid(w2 * sigmoid(w1 * x))}
 * @param dfdw1 {@code df/dw1}
 * @param dfdw2 {@code df/dw2}
 * @param dfdw3 {@code df/dw3}
 */
public record SigmoidChainOutput(double f, double dfdw1, double dfdw2, double dfdw3) {}
