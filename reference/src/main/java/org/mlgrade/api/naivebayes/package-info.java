/**
 * Gaussian naive Bayes with a variance per feature shared by all classes: maximum-likelihood
 * fitting, and class posteriors computed stably in log space.
 */
package org.mlgrade.api.naivebayes;
