package org.mlgrade.grader.judge;

import java.util.List;

/**
 * The judged outcome of one rubric question.
 *
 * @param id the question's id
 * @param title the question's title
 * @param score points earned
 * @param maxScore the question's points
 * @param tests the question's tests, all of them, in rubric order
 */
public record QuestionResult(
    String id, String title, double score, double maxScore, List<TestResult> tests) {

  public QuestionResult {
    tests = List.copyOf(tests);
  }

  /** How many tests passed. */
  public long passedCount() {
    return tests.stream().filter(TestResult::passed).count();
  }
}
