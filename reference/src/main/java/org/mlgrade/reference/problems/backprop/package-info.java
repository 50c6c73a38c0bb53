/**
 * Trusted side of the backpropagation problems: reference, input generators, known mistakes and
 * problem definitions for {@link org.mlgrade.api.backprop.Backprop}.
 */
package org.mlgrade.reference.problems.backprop;
