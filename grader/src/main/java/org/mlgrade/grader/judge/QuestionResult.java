package org.mlgrade.grader.judge;

import java.util.List;
import java.util.Objects;

/**
 * The judged outcome of one rubric question.
 *
 * @param id the question's id
 * @param title the question's title
 * @param score points earned
 * @param maxScore the question's points
 * @param tests the question's tests, all of them, in rubric order
 * @param visibility the question's visibility, for reporters that list questions
 */
public record QuestionResult(
    String id,
    String title,
    double score,
    double maxScore,
    List<TestResult> tests,
    ResultVisibility visibility) {

  public QuestionResult {
    tests = List.copyOf(tests);
    Objects.requireNonNull(visibility, "visibility");
  }

  /** A visible question's result. */
  public QuestionResult(
      String id, String title, double score, double maxScore, List<TestResult> tests) {
    this(id, title, score, maxScore, tests, ResultVisibility.VISIBLE);
  }

  /** How many tests passed. */
  public long passedCount() {
    return tests.stream().filter(TestResult::passed).count();
  }
}
