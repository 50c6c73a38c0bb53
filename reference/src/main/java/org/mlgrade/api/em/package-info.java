/**
 * Expectation-maximisation for a mixture of Bernoullis over binary data (for example binarised
 * 28x28 MNIST digits, D = 784), computed in log space: {@link
 * org.mlgrade.api.em.BernoulliMixtureEm} states the assignment.
 */
package org.mlgrade.api.em;
