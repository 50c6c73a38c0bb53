package org.mlgrade.api.em;

/**
 * Output of {@link BernoulliMixtureEm#eStep}.
 *
 * @param responsibilities N x K: {@code responsibilities[n][k]} = r_nk, the posterior probability
 *     that row n of x came from component k
 */
public record EStepOutput(double[][] responsibilities) {}
