package org.mlgrade.grader.rubric;

import java.util.List;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.Tolerance;

/**
 * One graded question of a rubric.
 *
 * @param id unique within the rubric, e.g. {@code "q1a"}
 * @param title shown to the student
 * @param points the question's maximum score
 * @param problem the homework problem the tests call
 * @param tolerance how close floating-point answers must be
 * @param scoring how test outcomes become points
 * @param mistakeCredits partial credit for named known mistakes (may be empty)
 * @param tests the tests, explicit ones first, then generated ones, in rubric order
 */
public record Question(
    String id,
    String title,
    double points,
    Problem<?, ?, ?> problem,
    Tolerance tolerance,
    Scoring scoring,
    List<MistakeCredit> mistakeCredits,
    List<TestCase> tests) {

  public Question {
    mistakeCredits = List.copyOf(mistakeCredits);
    tests = List.copyOf(tests);
  }
}
