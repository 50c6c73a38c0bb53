package org.mlgrade.api.naivebayes;

/**
 * Gaussian naive Bayes with shared per-feature variances. Classes are {@code k = 0 .. K-1},
 * features {@code j = 0 .. d-1}, and given its class {@code y = k} an example's features are
 * independent Gaussians: {@code x_j ~ N(μ_kj, σ_j^2)}, with a variance {@code σ_j^2} per feature
 * that all classes share. Logarithms are natural (base e).
 *
 * <h2>Worked example</h2>
 *
 * One feature ({@code d = 1}), {@code K = 2}; examples {@code x = 0, 2} in class 0 and {@code x =
 * 4, 6, 8} in class 1 ({@code N = 5}).
 *
 * <ul>
 *   <li>priors {@code π = [2/5, 3/5] = [0.4, 0.6]};
 *   <li>means {@code μ_0 = (0+2)/2 = 1}, {@code μ_1 = (4+6+8)/3 = 6};
 *   <li>shared variance: the residuals about each example's own class mean are {@code -1, 1, -2,
 *       0, 2}, so {@code σ^2 = (1+1+4+0+4)/5 = 10/5 = 2} (divided by {@code N = 5}: not by {@code
 *       N-K = 3}, nor {@code N-1 = 4}; and not about the overall mean 4).
 * </ul>
 *
 * Posteriors with this model: at {@code x = 3.5} both classes are 2.5 away, the likelihoods are
 * equal and the posterior is the prior, {@code [0.4, 0.6]}. At {@code x = 1}: {@code s_0 = log 0.4
 * - 0/4}, {@code s_1 = log 0.6 - 25/4} (plus the same constant), so {@code p(y=1|x) = 1.5 e^-6.25 /
 * (1 + 1.5 e^-6.25) = 0.0028873204447986494} and {@code p(y=0|x) = 0.9971126795552014}. At {@code
 * x = 10000}: {@code s_0 = log 0.4 - 24995000.25}, {@code s_1 = log 0.6 - 24970009}; {@code
 * exp(s_k)} is 0.0 in double precision for both classes and the naive ratio is {@code 0/0 = NaN},
 * while the log-sum-exp form gives {@code [0.0, 1.0]} (the exact {@code p(y=0|x)} is about {@code
 * e^-24991}).
 */
public interface GaussianNaiveBayes {

  /**
   * Maximum-likelihood estimates from {@code data}, with {@code N} examples, {@code N_k} of them
   * in class {@code k}:
   *
   * <pre>
   *   π_k    = N_k / N
   *   μ_kj   = (1 / N_k) * sum over i with y_i = k of x_ij
   *   σ_j^2  = (1 / N)   * sum over all i of (x_ij - μ_{y_i, j})^2
   * </pre>
   *
   * The variance is pooled over the classes, each example measured from the mean of its own class,
   * and divided by {@code N} (the biased maximum-likelihood estimate). It is 0 when every example
   * equals its class mean on feature {@code j}; return 0 then (no smoothing).
   *
   * @param data the examples {@code x} and their classes {@code y}
   * @return {@code priors[k] = π_k} ({@code K} values), {@code means[k][j] = μ_kj} ({@code K x
   *     d}), {@code variances[j] = σ_j^2} ({@code d} values)
   */
  GaussianModel fit(LabelledData data);

  /**
   * The class posteriors {@code p(y = k | x)} of every point of {@code query.x()} under {@code
   * query.model()}:
   *
   * <pre>
   *   s_k         = log π_k + sum_j [ -1/2 log(2π σ_j^2) - (x_j - μ_kj)^2 / (2 σ_j^2) ]
   *   p(y = k | x) = exp(s_k - m) / sum_l exp(s_l - m),   m = max_l s_l
   * </pre>
   *
   * {@code s_k} is {@code log p(x, y = k)}. Subtracting the maximum {@code m} (log-sum-exp) does
   * not change the result mathematically but keeps it finite: for a point far from every mean,
   * {@code exp(s_k)} underflows to 0 for all classes. Each row of the result must sum to 1 and be
   * finite for any finite point. (The {@code log(2π σ_j^2)} terms are the same for every class and
   * cancel; keeping them is fine.)
   *
   * @param query the fitted model and the points
   * @return {@code probabilities[i][k] = p(y = k | x_i)}, an {@code M x K} array
   */
  Posteriors posterior(PosteriorQuery query);
}
