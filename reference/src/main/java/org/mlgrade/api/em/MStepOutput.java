package org.mlgrade.api.em;

/**
 * Output of {@link BernoulliMixtureEm#mStep}: the new mixture.
 *
 * @param pi the new mixing weights, K entries
 * @param p the new component means, K x D
 */
public record MStepOutput(double[] pi, double[][] p) {}
