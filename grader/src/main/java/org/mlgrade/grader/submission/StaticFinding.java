package org.mlgrade.grader.submission;

/**
 * A place in a student's source that breaks one of the rubric's static-check rules.
 *
 * @param rule the rule's id, e.g. {@code "no-network"}
 * @param file the source file's path relative to the submission root
 * @param line 1-based line
 * @param message what was found, for the student
 */
public record StaticFinding(String rule, String file, long line, String message) {}
