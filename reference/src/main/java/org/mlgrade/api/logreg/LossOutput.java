package org.mlgrade.api.logreg;

/**
 * The cross-entropy loss of a model on a data set.
 *
 * @param perExample {@code perExample[n]} is the loss {@code L_n} of example {@code n} (length
 *     {@code N})
 * @param mean the mean {@code (1/N) * sum_n L_n}
 */
public record LossOutput(double[] perExample, double mean) {}
