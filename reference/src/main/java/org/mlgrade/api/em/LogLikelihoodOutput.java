package org.mlgrade.api.em;

/**
 * Output of {@link BernoulliMixtureEm#logLikelihood}.
 *
 * @param logLikelihood the log-likelihood of all N rows (natural log), summed over rows
 */
public record LogLikelihoodOutput(double logLikelihood) {}
