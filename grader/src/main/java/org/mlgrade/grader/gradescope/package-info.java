/**
 * Gradescope's front door: grading inside the autograder container ({@link
 * org.mlgrade.grader.gradescope.Autograder}, which always leaves a results.json) and building
 * the autograder zip that Gradescope installs ({@link
 * org.mlgrade.grader.gradescope.AutograderPackage}).
 */
package org.mlgrade.grader.gradescope;
