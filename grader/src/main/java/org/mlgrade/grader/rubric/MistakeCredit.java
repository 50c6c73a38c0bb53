package org.mlgrade.grader.rubric;

/**
 * Partial credit for a failed test whose output matches a named known mistake.
 *
 * @param mistakeId the known mistake's id in the question's problem
 * @param fraction the share of the test's points awarded, in (0, 1]
 */
public record MistakeCredit(String mistakeId, double fraction) {}
