package org.mlgrade.api.kernel;

/**
 * Whether a Gram matrix is positive semi-definite, with the evidence. See {@link
 * KernelValidity#checkPsd} for the exact rule.
 *
 * @param positiveSemidefinite whether the minimum eigenvalue passes the tolerance rule
 * @param minEigenvalue the smallest eigenvalue of the Gram matrix
 * @param witness a vector {@code a} of length {@code N} with {@code aᵀKa < 0} when the matrix is
 *     not positive semi-definite; the empty array when it is
 */
public record PsdVerdict(boolean positiveSemidefinite, double minEigenvalue, double[] witness) {}
