/**
 * Trusted side of the logistic-regression SGD problems: reference, input generators, known
 * mistakes and problem definitions for {@link org.mlgrade.api.logreg.LogisticRegressionSgd}.
 */
package org.mlgrade.reference.problems.logreg;
