/**
 * Reference solution, input generator, witness-aware comparison and known mistakes of the kernel
 * validity problems ({@code kernel.gram-matrix}, {@code kernel.psd-check}).
 */
package org.mlgrade.reference.problems.kernel;
