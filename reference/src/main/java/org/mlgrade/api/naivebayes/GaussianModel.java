package org.mlgrade.api.naivebayes;

/**
 * A Gaussian naive Bayes model with one variance per feature, shared by all classes.
 *
 * @param priors {@code K} class priors {@code π_k}
 * @param means {@code K x d} array, {@code means[k][j] = μ_kj}, the mean of feature {@code j} in
 *     class {@code k}
 * @param variances {@code d} shared variances, {@code variances[j] = σ_j^2}
 */
public record GaussianModel(double[] priors, double[][] means, double[] variances) {}
