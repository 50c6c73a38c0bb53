package org.mlgrade.grader.judge;

import java.util.ArrayList;
import java.util.List;
import org.mlgrade.grader.rubric.Question;
import org.mlgrade.grader.rubric.Rubric;

/**
 * What a rubric grades, without any grading: its questions and tests with their points and
 * visibilities, for a reporter that must list them when a submission could not be graded.
 *
 * @param assignment the rubric's assignment name
 * @param resultsPerTest whether reporters list tests (true) or questions (false)
 * @param visibility when the student may see the results
 * @param stdoutVisibility when the student may see the autograder's output
 * @param questions every question of the rubric, in order
 */
public record RubricOutline(
    String assignment,
    boolean resultsPerTest,
    ResultVisibility visibility,
    ResultVisibility stdoutVisibility,
    List<QuestionOutline> questions) {

  public RubricOutline {
    questions = List.copyOf(questions);
  }

  /** The outline of {@code rubric}. */
  public static RubricOutline of(Rubric rubric) {
    List<QuestionOutline> questions = new ArrayList<>();
    for (Question question : rubric.questions()) {
      double[] maxima = Judge.testMaxima(question);
      List<TestOutline> tests = new ArrayList<>();
      for (int t = 0; t < maxima.length; t++) {
        tests.add(
            new TestOutline(
                question.tests().get(t).name(),
                maxima[t],
                ResultVisibility.of(question.tests().get(t).visibility())));
      }
      questions.add(
          new QuestionOutline(
              question.id(),
              question.title(),
              question.points(),
              ResultVisibility.of(question.visibility()),
              tests));
    }
    return new RubricOutline(
        rubric.assignment(),
        rubric.resultsPerTest(),
        ResultVisibility.of(rubric.visibility()),
        ResultVisibility.of(rubric.stdoutVisibility()),
        questions);
  }

  /**
   * One question of the rubric.
   *
   * @param id the question's id
   * @param title the question's title
   * @param maxScore the question's points
   * @param visibility the question's visibility
   * @param tests its tests, in rubric order
   */
  public record QuestionOutline(
      String id,
      String title,
      double maxScore,
      ResultVisibility visibility,
      List<TestOutline> tests) {

    public QuestionOutline {
      tests = List.copyOf(tests);
    }
  }

  /**
   * One test of the rubric.
   *
   * @param name the test's name
   * @param maxScore its points, as grading gives them ({@link Judge#testMaxima})
   * @param visibility when the student may see it
   */
  public record TestOutline(String name, double maxScore, ResultVisibility visibility) {}
}
