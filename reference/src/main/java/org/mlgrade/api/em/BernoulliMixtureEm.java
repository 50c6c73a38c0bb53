package org.mlgrade.api.em;

/**
 * Expectation-maximisation (EM) for a mixture of K multivariate Bernoulli distributions over
 * binary data, for example binarised 28x28 MNIST digits (D = 784 features).
 *
 * <h2>Model and notation</h2>
 *
 * <p>The data {@code x} is an N x D matrix of 0 and 1; row n is one example x_n. The mixture has
 * mixing weights pi (K entries, {@code pi[k]} = pi_k, summing to 1) and means p (K x D, {@code
 * p[k][d]} = p_kd, the probability that feature d is 1 under component k). All logs are natural
 * logs ({@code Math.log}). For each row n and component k define the <b>log-joint</b>
 *
 * <pre>
 *   a_nk = log pi_k + sum_d l(x_nd, p_kd),   where   l(1, q) = log q   and   l(0, q) = log(1 - q),
 * </pre>
 *
 * <p>so that exp(a_nk) = pi_k prod_d p_kd^x_nd (1 - p_kd)^(1 - x_nd).
 *
 * <h2>Work in log space</h2>
 *
 * <p>With D = 784 the product prod_d (...) is typically far below 1e-308 and underflows to 0 in a
 * {@code double}: computing it directly, or taking {@code Math.exp(a_nk)} before normalising,
 * gives responsibilities 0/0 = NaN and a log-likelihood of -Infinity. Use the <b>log-sum-exp</b>
 * trick: with m_n = max_k a_nk,
 *
 * <pre>
 *   LSE_n = log sum_k exp(a_nk) = m_n + log sum_k exp(a_nk - m_n).
 * </pre>
 *
 * <h2>Exact 0 and 1</h2>
 *
 * <p>Inputs may contain p_kd exactly 0 or 1 and pi_k exactly 0 (the plain M-step produces them,
 * for example p_kd = 0 when feature d is 0 in every row, like the border pixels of MNIST). Take
 * log 0 = -Infinity ({@code Math.log(0)} already does). <b>Choose</b> the term l(x, q) by the
 * value of x; do not compute {@code x * log(q) + (1 - x) * log(1 - q)}, because 0 * -Infinity is
 * NaN in Java. A component with a_nk = -Infinity has r_nk = 0 (exp(-Infinity - m_n) = 0). Inputs
 * where some row has a_nk = -Infinity for every k are rejected by the input records, so m_n is
 * always finite.
 *
 * <h2>The four tasks</h2>
 *
 * <ol>
 *   <li>{@link #eStep}: responsibilities r_nk = exp(a_nk - LSE_n), that is pi_k prod_d (...)
 *       divided by sum_j pi_j prod_d (...); every row sums to 1. With K = 1 every r_n0 is 1.
 *   <li>{@link #mStep}: with N_k = sum_n r_nk and smoothing alpha &gt;= 0,
 *       <pre>
 *   pi_k = N_k / N
 *   p_kd = (sum_n r_nk x_nd + alpha) / (N_k + 2 alpha)</pre>
 *       alpha = 0 is the plain maximum-likelihood step (the default of the homework); alpha &gt; 0
 *       is Laplace smoothing, alpha pseudo-counts of a 0 and of a 1 for every feature (the MAP
 *       estimate under a Beta(alpha + 1, alpha + 1) prior), which keeps p_kd strictly inside
 *       (0, 1). pi is never smoothed. <b>Empty component</b>: if N_k
 *       is exactly 0, then pi_k = 0 and row k of p is copied unchanged from {@code previousP}
 *       (whatever alpha is). Note the denominator N_k, not N.
 *   <li>{@link #logLikelihood}: L = sum_n LSE_n = sum_n log sum_k pi_k prod_d p_kd^x_nd (1 -
 *       p_kd)^(1 - x_nd), a sum over rows (not a mean).
 *   <li>{@link #fit}: run EM from the given mixture:
 *       <pre>
 *   theta_0 = (pi, p) of the input;  L_0 = L(theta_0)
 *   for t = 1, 2, ..., maxIterations:
 *       r       = E-step(x, theta_{t-1})
 *       theta_t = M-step(x, r, previousP = p of theta_{t-1}, smoothing)
 *       L_t     = L(theta_t)
 *       if tolerance &gt; 0 and L_t - L_{t-1} &lt; tolerance: stop (T = t)
 *   return theta_T, the trace [L_0, L_1, ..., L_T] (T + 1 entries) and T</pre>
 *       With tolerance 0 the run never stops early: T = maxIterations. With maxIterations 0 the
 *       answer is the initial mixture, [L_0] and 0. The log-likelihood never decreases from one
 *       iteration to the next (up to rounding) when smoothing is 0; pi is updated in every
 *       M-step. During a fit p and pi can reach exactly 0 or 1: follow the rules above.
 * </ol>
 *
 * <h2>Worked example (N = 3, D = 2, K = 2)</h2>
 *
 * <pre>
 *   x  = [[1, 0], [0, 1], [1, 1]]      pi = [0.6, 0.4]      p = [[0.8, 0.2], [0.2, 0.6]]
 *
 *   pi_k prod_d (...):   row 0: 0.6*0.8*0.8 = 0.384   0.4*0.2*0.4 = 0.032   sum 0.416
 *                        row 1: 0.6*0.2*0.2 = 0.024   0.4*0.8*0.6 = 0.192   sum 0.216
 *                        row 2: 0.6*0.8*0.2 = 0.096   0.4*0.2*0.6 = 0.048   sum 0.144
 *   eStep:          r = [[12/13, 1/13], [1/9, 8/9], [2/3, 1/3]]
 *   logLikelihood:  L = log 0.416 + log 0.216 + log 0.144 = -4.347488869424982
 *   mStep (alpha 0) from that r:
 *                   N  = [12/13 + 1/9 + 2/3, 1/13 + 8/9 + 1/3] = [199/117, 152/117]
 *                   pi = N / 3 = [199/351, 152/351] = [0.566952, 0.433048]
 *                   p  = [[(12/13 + 2/3) / N_0, (1/9 + 2/3) / N_0],
 *                         [(1/13 + 1/3) / N_1, (8/9 + 1/3) / N_1]]
 *                      = [[186/199, 91/199], [6/19, 143/152]]
 *                      = [[0.934673, 0.457286], [0.315789, 0.940789]]
 *   fit with maxIterations 1, tolerance 0, smoothing 0:
 *                   the mStep answer above, logLikelihoods [-4.347489, -3.428508], iterations 1
 * </pre>
 *
 * <p>Numbers are compared with a tolerance; NaN in your answer where the reference has a number
 * is always wrong.
 */
public interface BernoulliMixtureEm {

  /**
   * The E-step: responsibilities r_nk = exp(a_nk - LSE_n), computed in log space.
   *
   * @param input data x (N x D) and mixture (pi, p)
   * @return the N x K responsibilities, each row summing to 1
   */
  EStepOutput eStep(EStepInput input);

  /**
   * The M-step: pi_k = N_k / N and p_kd = (sum_n r_nk x_nd + alpha) / (N_k + 2 alpha), where N_k =
   * sum_n r_nk; a component with N_k exactly 0 gets pi_k = 0 and keeps its row of {@code
   * previousP}.
   *
   * @param input data x (N x D), responsibilities (N x K), previous means (K x D) and smoothing
   * @return the new mixture (pi, p)
   */
  MStepOutput mStep(MStepInput input);

  /**
   * The log-likelihood L = sum_n log sum_k exp(a_nk), with log-sum-exp.
   *
   * @param input data x (N x D) and mixture (pi, p)
   * @return L, a sum over the N rows
   */
  LogLikelihoodOutput logLikelihood(LogLikelihoodInput input);

  /**
   * A full EM run: E-step then M-step, {@code maxIterations} times or until an iteration improves
   * the log-likelihood by less than {@code tolerance} (when {@code tolerance > 0}).
   *
   * @param input data, initial mixture, maxIterations, tolerance and smoothing
   * @return the final mixture, the log-likelihood trace L_0..L_T and T
   */
  FitOutput fit(FitInput input);
}
