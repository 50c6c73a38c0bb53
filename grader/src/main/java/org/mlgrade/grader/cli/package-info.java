/** The {@code mlgrade} command line (picocli): {@code grade} and {@code validate}. */
package org.mlgrade.grader.cli;
