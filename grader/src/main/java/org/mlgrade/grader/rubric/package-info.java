/**
 * Loads rubric files (JSON or YAML) into a validated {@link org.mlgrade.grader.rubric.Rubric}:
 * {@link org.mlgrade.grader.rubric.RubricLoader} reads a file, and a {@link
 * org.mlgrade.grader.rubric.RubricException} lists every error found, each with its line and
 * column. The format is documented in {@code rubrics/README.md}.
 */
package org.mlgrade.grader.rubric;
