package org.mlgrade.api.em;

/**
 * Input of {@link BernoulliMixtureEm#fit}: data, the initial mixture and when to stop.
 *
 * <p>Rejects a malformed shape or value, or a row of {@code x} with probability 0 under every
 * initial component, with an {@link IllegalArgumentException}.
 *
 * @param x the data, N x D, every entry 0 or 1
 * @param pi the initial mixing weights, K entries in [0, 1] summing to 1
 * @param p the initial component means, K x D, entries in [0, 1]
 * @param maxIterations how many E-step + M-step iterations to run at most, {@code 0..10000}
 * @param tolerance stop early once an iteration improves the log-likelihood by less than this;
 *     finite and {@code >= 0}, and 0 means never stop early (run exactly {@code maxIterations})
 * @param smoothing the Laplace pseudo-count alpha of every M-step, finite and {@code >= 0}; 0 is
 *     plain maximum likelihood
 */
public record FitInput(
    int[][] x, double[] pi, double[][] p, int maxIterations, double tolerance, double smoothing) {

  /** The largest {@code maxIterations} accepted. */
  public static final int MAX_ITERATIONS = 10_000;

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param x the data, N x D, every entry 0 or 1
   * @param pi the initial mixing weights, K entries in [0, 1] summing to 1
   * @param p the initial component means, K x D, entries in [0, 1]
   * @param maxIterations how many E-step + M-step iterations to run at most, {@code 0..10000}
   * @param tolerance stop early once an iteration improves the log-likelihood by less than this;
   *     finite and {@code >= 0}, and 0 means never stop early (run exactly {@code maxIterations})
   * @param smoothing the Laplace pseudo-count alpha of every M-step, finite and {@code >= 0}; 0 is
   *     plain maximum likelihood
   */
  public FitInput {
    int d = Checks.binaryData(x);
    Checks.mixture(pi, p, d);
    Checks.everyRowPossible(x, pi, p);
    if (maxIterations < 0 || maxIterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "maxIterations must be in 0.." + MAX_ITERATIONS + ", got " + maxIterations);
    }
    Checks.nonNegative(tolerance, "tolerance");
    Checks.nonNegative(smoothing, "smoothing");
  }
}
