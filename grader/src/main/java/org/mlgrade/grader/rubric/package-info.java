/** Loads rubric files (JSON or YAML) into a validated {@link org.mlgrade.grader.rubric.Rubric}. */
package org.mlgrade.grader.rubric;
