/** The {@code mlgrade} command line (picocli): grade, validate, gradescope, package-gradescope. */
package org.mlgrade.grader.cli;
