package org.mlgrade.grader.rubric;

import java.util.List;
import java.util.Objects;
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
 * @param visibility the question's visibility (the default of its tests, and that of its entry
 *     when results are reported per question)
 */
public record Question(
    String id,
    String title,
    double points,
    Problem<?, ?, ?> problem,
    Tolerance tolerance,
    Scoring scoring,
    List<MistakeCredit> mistakeCredits,
    List<TestCase> tests,
    Visibility visibility) {

  public Question {
    mistakeCredits = List.copyOf(mistakeCredits);
    tests = List.copyOf(tests);
    Objects.requireNonNull(visibility, "visibility");
  }

  /** A visible question. */
  public Question(String id, String title, double points, Problem<?, ?, ?> problem,
      Tolerance tolerance, Scoring scoring, List<MistakeCredit> mistakeCredits,
      List<TestCase> tests) {
    this(id, title, points, problem, tolerance, scoring, mistakeCredits, tests,
        Visibility.VISIBLE);
  }
}
