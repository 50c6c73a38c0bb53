package org.mlgrade.grader.rubric;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated rubric: what to run, how to score it and how to report it.
 *
 * @param source the file it was read from
 * @param assignment the assignment's name
 * @param limits resource limits for each submission
 * @param forbidden static-check rule ids the submission's sources must not break (see the
 *     submission package), e.g. {@code "no-network"}, {@code "no-process"}, {@code "no-exit"}
 * @param resultsPerTest true: one Gradescope test entry per rubric test; false: one per question
 * @param questions the questions, in order
 * @param voidOnStaticFinding true ({@code on_static_finding: void}): a submission with any
 *     static-check finding (the rubric's rules and those always checked) is not run and scores
 *     0; false ({@code report}, the default): findings are reported only
 */
public record Rubric(
    Path source,
    String assignment,
    Limits limits,
    List<String> forbidden,
    boolean resultsPerTest,
    List<Question> questions,
    boolean voidOnStaticFinding) {

  public Rubric {
    forbidden = List.copyOf(forbidden);
    questions = List.copyOf(questions);
  }

  /** A rubric whose static-check findings are reported only. */
  public Rubric(Path source, String assignment, Limits limits, List<String> forbidden,
      boolean resultsPerTest, List<Question> questions) {
    this(source, assignment, limits, forbidden, resultsPerTest, questions, false);
  }

  /** The sum of the questions' points. */
  public double maxScore() {
    return questions.stream().mapToDouble(Question::points).sum();
  }
}
