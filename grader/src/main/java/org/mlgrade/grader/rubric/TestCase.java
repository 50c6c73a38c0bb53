package org.mlgrade.grader.rubric;

/**
 * One call of the student's code.
 *
 * @param name shown in results, unique within the rubric (e.g. {@code "conv1 counts"} or {@code
 *     "hidden #3"})
 * @param input an instance of the question's problem input record (explicit in the rubric or
 *     produced by the problem's generator)
 * @param visibility when the student may see this test's result
 * @param points the test's points under {@link Scoring#PER_TEST}; its weight otherwise
 */
public record TestCase(String name, Object input, Visibility visibility, double points) {}
