/**
 * Reference solution, input generators and known mistakes of the Gaussian naive Bayes problems
 * ({@code naive-bayes.fit}, {@code naive-bayes.posterior}).
 */
package org.mlgrade.reference.problems.naivebayes;
