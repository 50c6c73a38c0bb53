/**
 * Logistic regression trained by stochastic gradient descent on the cross-entropy loss: see
 * {@link org.mlgrade.api.logreg.LogisticRegressionSgd}.
 */
package org.mlgrade.api.logreg;
