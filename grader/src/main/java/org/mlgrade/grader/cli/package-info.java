/**
 * The {@code mlgrade} command line (picocli): grade, validate, gradescope, package-gradescope,
 * handout and check.
 */
package org.mlgrade.grader.cli;
