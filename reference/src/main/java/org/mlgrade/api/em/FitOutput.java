package org.mlgrade.api.em;

/**
 * Output of {@link BernoulliMixtureEm#fit}.
 *
 * @param pi the mixing weights after the last iteration, K entries
 * @param p the component means after the last iteration, K x D
 * @param logLikelihoods the trace L_0, L_1, ..., L_T: L_0 of the initial mixture, then L_t after
 *     iteration t; T + 1 entries
 * @param iterations T, the number of iterations run (each one E-step and one M-step)
 */
public record FitOutput(double[] pi, double[][] p, double[] logLikelihoods, int iterations) {}
