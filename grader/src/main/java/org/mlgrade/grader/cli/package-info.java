/**
 * The {@code mlgrade} command line (picocli): {@code grade}, {@code validate}, {@code batch} and
 * {@code merge}.
 */
package org.mlgrade.grader.cli;
