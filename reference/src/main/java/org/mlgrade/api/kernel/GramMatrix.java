package org.mlgrade.api.kernel;

/**
 * The Gram matrix of a kernel on {@code N} points.
 *
 * @param values {@code N x N} array, {@code values[i][j] = k(x_i, x_j)}
 */
public record GramMatrix(double[][] values) {}
