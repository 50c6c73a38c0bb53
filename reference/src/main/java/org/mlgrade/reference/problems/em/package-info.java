/**
 * Reference solution, input generators and known mistakes of the Bernoulli-mixture EM problems
 * ({@code em.*}).
 */
package org.mlgrade.reference.problems.em;
