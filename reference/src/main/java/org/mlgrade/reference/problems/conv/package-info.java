/**
 * The trusted side of the convolution-arithmetic problems: reference solution, input generators,
 * the any-valid-answer comparison of the inverse question, and the known mistakes.
 */
package org.mlgrade.reference.problems.conv;
