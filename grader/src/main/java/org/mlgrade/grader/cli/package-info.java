/**
 * The {@code mlgrade} command line (picocli): grade, validate, batch, merge, gradescope,
 * package-gradescope, handout and check.
 */
package org.mlgrade.grader.cli;
