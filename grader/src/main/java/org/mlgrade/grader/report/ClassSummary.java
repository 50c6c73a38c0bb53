package org.mlgrade.grader.report;

import java.util.List;
import java.util.Map;

/**
 * A class at a glance, as the batch hands it to the summary reporter: one line per student, with
 * nothing a reporter would have to re-judge.
 *
 * @param assignment the rubric's assignment name
 * @param isolation the sandbox isolation level(s) in force, in words
 * @param questions the rubric's questions, in order
 * @param maxTotal the rubric's total points
 * @param students one line per student of the class, in a stable order
 */
public record ClassSummary(
    String assignment,
    String isolation,
    List<QuestionInfo> questions,
    double maxTotal,
    List<StudentLine> students) {

  public ClassSummary {
    questions = List.copyOf(questions);
    students = List.copyOf(students);
  }

  /**
   * One question of the rubric.
   *
   * @param id the question's id
   * @param title the question's title
   * @param maxScore its points
   */
  public record QuestionInfo(String id, String title, double maxScore) {}

  /**
   * One student.
   *
   * @param id the student id (folder or zip name, or Gradescope submission id)
   * @param name the student's name, empty when unknown
   * @param email the student's email, empty when unknown
   * @param graded false when the grader itself failed for this student
   * @param status "graded", or "not graded: REASON"
   * @param total points earned (0 when not graded)
   * @param questionScores points per question id (empty when not graded)
   * @param mistakes per question id, the known-mistake ids named in its failed tests (one entry
   *     per test that named one)
   * @param problems what went wrong with the run as a whole, in words: "did not compile",
   *     "timed out", "crashed", ... (empty when nothing did)
   */
  public record StudentLine(
      String id,
      String name,
      String email,
      boolean graded,
      String status,
      double total,
      Map<String, Double> questionScores,
      Map<String, List<String>> mistakes,
      List<String> problems) {

    public StudentLine {
      questionScores = Map.copyOf(questionScores);
      mistakes = Map.copyOf(mistakes);
      problems = List.copyOf(problems);
    }
  }
}
