package org.mlgrade.grader.rubric;

import java.util.List;
import java.util.Objects;
import java.util.Map;
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
 * @param partWeights under {@link Scoring#PER_PART}, the weight of each named part of an answer
 *     (parts not listed weigh 1); empty otherwise
 * @param carriedForward under {@link Scoring#PER_PART}, the share of a part's credit given when
 *     it is wrong only because the student's own earlier wrong parts were used consistently, in
 *     [0, 1]; 0 otherwise
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
    Visibility visibility,
    Map<String, Double> partWeights,
    double carriedForward) {

  public Question {
    mistakeCredits = List.copyOf(mistakeCredits);
    tests = List.copyOf(tests);
    Objects.requireNonNull(visibility, "visibility");
    partWeights = Map.copyOf(partWeights);
    if (!(carriedForward >= 0 && carriedForward <= 1)) {
      throw new IllegalArgumentException("carriedForward must be in [0, 1], got "
          + carriedForward);
    }
  }

  /** A visible question without part weights and without credit for errors carried forward. */
  public Question(String id, String title, double points, Problem<?, ?, ?> problem,
      Tolerance tolerance, Scoring scoring, List<MistakeCredit> mistakeCredits,
      List<TestCase> tests) {
    this(id, title, points, problem, tolerance, scoring, mistakeCredits, tests,
        Visibility.VISIBLE, Map.of(), 0);
  }

  /** A question of {@code visibility} without part weights or carried-forward credit. */
  public Question(String id, String title, double points, Problem<?, ?, ?> problem,
      Tolerance tolerance, Scoring scoring, List<MistakeCredit> mistakeCredits,
      List<TestCase> tests, Visibility visibility) {
    this(id, title, points, problem, tolerance, scoring, mistakeCredits, tests, visibility,
        Map.of(), 0);
  }

  /** A visible question with part weights and carried-forward credit. */
  public Question(String id, String title, double points, Problem<?, ?, ?> problem,
      Tolerance tolerance, Scoring scoring, List<MistakeCredit> mistakeCredits,
      List<TestCase> tests, Map<String, Double> partWeights, double carriedForward) {
    this(id, title, points, problem, tolerance, scoring, mistakeCredits, tests,
        Visibility.VISIBLE, partWeights, carriedForward);
  }

  /** The weight of the answer part {@code part}: the rubric's, or 1. */
  public double partWeight(String part) {
    return partWeights.getOrDefault(part, 1.0);
  }
}
