package org.mlgrade.grader.judge;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about one graded submission; the only thing reporters read. It holds only the
 * judge's own values, so that reporters need nothing of the stages before it.
 *
 * @param assignment the rubric's assignment name
 * @param submission the submission's name (its directory or file name)
 * @param score points earned
 * @param maxScore points available
 * @param questions every question of the rubric, in order
 * @param compiled sources, compile messages, static findings and problems
 * @param isolation the sandbox isolation level in force, and what the sandbox says about it beyond
 *     the level (a weak level the operator allowed, what the start-up canary found)
 * @param restarts how often the sandbox JVM was restarted after a crash or timeout
 * @param resultsPerTest whether reporters list tests (true) or questions (false)
 * @param elapsed wall time of grading, compile included
 * @param visibility when the student may see the results (the rubric's)
 * @param stdoutVisibility when the student may see the autograder's output (the rubric's)
 */
public record Result(
    String assignment,
    String submission,
    double score,
    double maxScore,
    List<QuestionResult> questions,
    CompileSummary compiled,
    IsolationSummary isolation,
    int restarts,
    boolean resultsPerTest,
    Duration elapsed,
    ResultVisibility visibility,
    ResultVisibility stdoutVisibility) {

  public Result {
    questions = List.copyOf(questions);
    Objects.requireNonNull(compiled, "compiled");
    Objects.requireNonNull(isolation, "isolation");
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(stdoutVisibility, "stdoutVisibility");
  }

  /** A result with the default visibilities (visible, the autograder's output hidden). */
  public Result(
      String assignment,
      String submission,
      double score,
      double maxScore,
      List<QuestionResult> questions,
      CompileSummary compiled,
      IsolationSummary isolation,
      int restarts,
      boolean resultsPerTest,
      Duration elapsed) {
    this(
        assignment,
        submission,
        score,
        maxScore,
        questions,
        compiled,
        isolation,
        restarts,
        resultsPerTest,
        elapsed,
        ResultVisibility.VISIBLE,
        ResultVisibility.HIDDEN);
  }

  /** This result with {@code isolation} as its isolation. */
  public Result withIsolation(IsolationSummary isolation) {
    return new Result(
        assignment,
        submission,
        score,
        maxScore,
        questions,
        compiled,
        isolation,
        restarts,
        resultsPerTest,
        elapsed,
        visibility,
        stdoutVisibility);
  }
}
