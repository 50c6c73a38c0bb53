package org.mlgrade.grader.judge;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.mlgrade.grader.rubric.Visibility;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.IsolationNotes;
import org.mlgrade.grader.submission.CompiledSubmission;

/**
 * Everything known about one graded submission; the only thing reporters read.
 *
 * @param assignment the rubric's assignment name
 * @param submission the submission's name (its directory or file name)
 * @param score points earned
 * @param maxScore points available
 * @param questions every question of the rubric, in order
 * @param compiled sources, compile messages and static findings
 * @param isolation the sandbox isolation level in force
 * @param restarts how often the sandbox JVM was restarted after a crash or timeout
 * @param resultsPerTest whether reporters list tests (true) or questions (false)
 * @param elapsed wall time of grading, compile included
 * @param visibility when the student may see the results (the rubric's)
 * @param stdoutVisibility when the student may see the autograder's output (the rubric's)
 * @param isolationNotes what the sandbox says about its isolation beyond the level (a weak level
 *     the operator allowed, what the start-up canary found)
 */
public record Result(
    String assignment,
    String submission,
    double score,
    double maxScore,
    List<QuestionResult> questions,
    CompiledSubmission compiled,
    IsolationLevel isolation,
    int restarts,
    boolean resultsPerTest,
    Duration elapsed,
    Visibility visibility,
    Visibility stdoutVisibility,
    IsolationNotes isolationNotes) {

  public Result {
    questions = List.copyOf(questions);
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(stdoutVisibility, "stdoutVisibility");
    Objects.requireNonNull(isolationNotes, "isolationNotes");
  }

  /** A result with the rubric's visibilities and nothing to say about isolation beyond the level. */
  public Result(String assignment, String submission, double score, double maxScore,
      List<QuestionResult> questions, CompiledSubmission compiled, IsolationLevel isolation,
      int restarts, boolean resultsPerTest, Duration elapsed, Visibility visibility,
      Visibility stdoutVisibility) {
    this(assignment, submission, score, maxScore, questions, compiled, isolation, restarts,
        resultsPerTest, elapsed, visibility, stdoutVisibility, IsolationNotes.none());
  }

  /** A result with the default visibilities (visible, the autograder's output hidden). */
  public Result(String assignment, String submission, double score, double maxScore,
      List<QuestionResult> questions, CompiledSubmission compiled, IsolationLevel isolation,
      int restarts, boolean resultsPerTest, Duration elapsed) {
    this(assignment, submission, score, maxScore, questions, compiled, isolation, restarts,
        resultsPerTest, elapsed, Visibility.VISIBLE, Visibility.HIDDEN);
  }

  /** This result with {@code notes} as its isolation notes. */
  public Result withIsolationNotes(IsolationNotes notes) {
    return new Result(assignment, submission, score, maxScore, questions, compiled, isolation,
        restarts, resultsPerTest, elapsed, visibility, stdoutVisibility, notes);
  }
}
