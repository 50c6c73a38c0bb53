package org.mlgrade.api.logreg;

/**
 * Logistic regression trained by stochastic gradient descent (SGD) on the cross-entropy loss.
 *
 * <p><b>Model.</b> For an example with features {@code x = (x_1, ..., x_d)} and label {@code y}
 * in {@code {0, 1}}, the model {@code (w, b)} computes the score {@code z = w . x + b = sum_i w_i
 * x_i + b} and the probability {@code p = P(y = 1 | x) = sigmoid(z) = 1 / (1 + e^(-z))}.
 *
 * <p><b>Loss.</b> The cross-entropy (negative log-likelihood, natural log) of one example is
 *
 * <pre>
 *   L(z, y) = -[ y log(sigmoid(z)) + (1 - y) log(1 - sigmoid(z)) ]
 *           = log(1 + e^z) - y z
 * </pre>
 *
 * For large {@code |z|} the first form overflows ({@code sigmoid(800)} is exactly 1.0 in double,
 * and {@code log(1 - 1.0)} is minus infinity), so compute it in a stable way, for example
 * {@code log(1 + e^z) = max(z, 0) + log1p(e^(-|z|))}. The answer for {@code z = 800, y = 0} is
 * 800, not infinity; for {@code z = 800, y = 1} it is (about) 0. Never return NaN or infinity for
 * finite inputs.
 *
 * <p><b>Gradient and SGD step.</b> The gradient of {@code L} is {@code dL/dw = (sigmoid(z) - y)
 * x} and {@code dL/db = sigmoid(z) - y}, so one SGD step with learning rate {@code eta} is
 *
 * <pre>
 *   w_i &lt;- w_i - eta (sigmoid(z) - y) x_i      for every i
 *   b   &lt;- b   - eta (sigmoid(z) - y)
 * </pre>
 *
 * where {@code z} is computed once, with the parameters <em>before</em> the step. Note: it is
 * {@code sigmoid(z) - y}, not {@code z - y}, and the step goes <em>against</em> the gradient.
 *
 * <p>Inputs are never modified; return new arrays.
 */
public interface LogisticRegressionSgd {

  /**
   * One SGD step on one example (formula in the interface documentation).
   *
   * <p>Example: {@code w = (0, 0), b = 0, x = (1, 2), y = 1, eta = 0.5}: {@code z = 0},
   * {@code sigmoid(z) = 0.5}, {@code sigmoid(z) - y = -0.5}, so {@code w = (0 - 0.5 * (-0.5) * 1,
   * 0 - 0.5 * (-0.5) * 2) = (0.25, 0.5)} and {@code b = 0 - 0.5 * (-0.5) = 0.25}.
   *
   * @param input the model before the step, the example and the learning rate
   * @return the model after the step
   */
  LogisticModel step(SgdStepInput input);

  /**
   * One epoch of SGD: one {@link #step} for each example {@code n = 0, 1, ..., N - 1} in this
   * order, each step starting from the parameters the previous step returned (not from the
   * parameters at the start of the epoch; no shuffling, no averaging).
   *
   * <p>Example: {@code w = (0), b = 0, eta = 1}, examples {@code x = (1), y = 1} then {@code x =
   * (1), y = 0}. Step 1: {@code z = 0}, {@code w = 0 - 1 * (0.5 - 1) * 1 = 0.5}, {@code b = 0.5}.
   * Step 2: {@code z = 0.5 * 1 + 0.5 = 1}, {@code sigmoid(1) = 0.7310586}, {@code w = 0.5 -
   * 0.7310586 = -0.2310586}, {@code b = -0.2310586}. The epoch returns {@code w = (-0.2310586), b =
   * -0.2310586}.
   *
   * @param input the model before the epoch, the data in order and the learning rate
   * @return the model after the last step
   */
  LogisticModel epoch(SgdEpochInput input);

  /**
   * The cross-entropy loss {@code L_n = L(z_n, y_n) = log(1 + e^(z_n)) - y_n z_n} of every
   * example, with {@code z_n = w . xs[n] + b}, and their mean {@code (1/N) sum_n L_n}; natural
   * logarithm, computed stably for large {@code |z_n|} (see the interface documentation).
   *
   * <p>Example: {@code w = (1, -1), b = 0.5}; example 0 is {@code x = (1, 0.5), y = 1} with
   * {@code z = 1}, {@code L_0 = log(1 + e^(-1)) = 0.3132617}; example 1 is {@code x = (0, 3), y
   * = 0} with {@code z = -2.5}, {@code L_1 = log(1 + e^(-2.5)) = 0.0788897}; the mean is {@code
   * 0.1960757}. With {@code w = (100), b = 0, x = (8), y = 0}: {@code z = 800} and {@code L = 800}.
   *
   * @param input the model and the data
   * @return the per-example losses and their mean
   */
  LossOutput loss(LossInput input);
}
