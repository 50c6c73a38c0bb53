package org.mlgrade.api.em;

/**
 * Input of {@link BernoulliMixtureEm#mStep}.
 *
 * <p>Rejects a malformed shape or value with an {@link IllegalArgumentException}.
 *
 * @param x the data, N x D, every entry 0 or 1
 * @param responsibilities N x K, entries in [0, 1], every row summing to 1 (as the E-step returns)
 * @param previousP the component means before this step, K x D with entries in [0, 1]; only used
 *     for a component whose total responsibility N_k is exactly 0
 * @param smoothing the Laplace (Beta prior) pseudo-count alpha, finite and {@code >= 0}; 0 is the
 *     plain maximum-likelihood M-step
 */
public record MStepInput(
    int[][] x, double[][] responsibilities, double[][] previousP, double smoothing) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param x the data, N x D, every entry 0 or 1
   * @param responsibilities N x K, entries in [0, 1], every row summing to 1 (as the E-step
   *     returns)
   * @param previousP the component means before this step, K x D with entries in [0, 1]; only used
   *     for a component whose total responsibility N_k is exactly 0
   * @param smoothing the Laplace (Beta prior) pseudo-count alpha, finite and {@code >= 0}; 0 is the
   *     plain maximum-likelihood M-step
   */
  public MStepInput {
    int d = Checks.binaryData(x);
    int k = Checks.responsibilities(responsibilities, x.length);
    Checks.means(previousP, k, d, "previousP");
    Checks.nonNegative(smoothing, "smoothing");
  }
}
