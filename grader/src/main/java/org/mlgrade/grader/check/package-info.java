/**
 * The students' self-check: compiles their sources, runs the rubric's visible tests in the
 * sandbox and judges them against the expected and known-mistake answers stored in the handout,
 * with no reference code. Shipped alone as {@code mlgrade-check.jar}.
 */
package org.mlgrade.grader.check;
