/**
 * The reference solutions, one package per homework problem, and the numerics they share
 * ({@link org.mlgrade.reference.problems.StableMath}).
 */
package org.mlgrade.reference.problems;
