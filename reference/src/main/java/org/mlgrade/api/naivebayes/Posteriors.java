package org.mlgrade.api.naivebayes;

/**
 * Class posteriors of some points.
 *
 * @param probabilities {@code M x K} array, {@code probabilities[i][k] = p(y = k | x_i)}; each row
 *     sums to 1
 */
public record Posteriors(double[][] probabilities) {}
