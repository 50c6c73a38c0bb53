package org.mlgrade.api.backprop;

/**
 * The scalar chain {@code f = w3 * sigmoid(w2 * sigmoid(w1 * x))} of {@link
 * Backprop#sigmoidChain}.
 *
 * @param x the input
 * @param w1 the first weight
 * @param w2 the second weight
 * @param w3 the output weight
 */
public record SigmoidChainInput(double x, double w1, double w2, double w3) {}
