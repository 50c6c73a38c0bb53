package org.mlgrade.api.em;

/**
 * Input of {@link BernoulliMixtureEm#logLikelihood}: data and a mixture.
 *
 * <p>Rejects a malformed shape or value, or a row of {@code x} with probability 0 under every
 * component, with an {@link IllegalArgumentException}.
 *
 * @param x the data, N x D, every entry 0 or 1
 * @param pi the mixing weights, K entries in [0, 1] summing to 1
 * @param p the component means, K x D, every entry in [0, 1] (exactly 0 and 1 are allowed)
 */
public record LogLikelihoodInput(int[][] x, double[] pi, double[][] p) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param x the data, N x D, every entry 0 or 1
   * @param pi the mixing weights, K entries in [0, 1] summing to 1
   * @param p the component means, K x D, every entry in [0, 1] (exactly 0 and 1 are allowed)
   */
  public LogLikelihoodInput {
    int d = Checks.binaryData(x);
    Checks.mixture(pi, p, d);
    Checks.everyRowPossible(x, pi, p);
  }
}
