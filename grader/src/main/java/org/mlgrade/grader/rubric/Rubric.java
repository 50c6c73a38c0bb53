package org.mlgrade.grader.rubric;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

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
 * @param visibility when the student may see the results at all (Gradescope's top-level {@code
 *     visibility})
 * @param stdoutVisibility when the student may see the autograder's own output (Gradescope's {@code
 *     stdout_visibility})
 * @param warnings things that are allowed but likely to trap the rubric's author (a purely relative
 *     tolerance on answers near zero), each at its place in the file
 * @param voidOnStaticFinding true ({@code on_static_finding: void}): a submission with any
 *     static-check finding (the rubric's rules and those always checked) is not run and scores 0;
 *     false ({@code report}, the default): findings are reported only
 * @param places where the tests and limits are written, for warnings found after loading
 */
public record Rubric(
    Path source,
    String assignment,
    Limits limits,
    List<String> forbidden,
    boolean resultsPerTest,
    List<Question> questions,
    Visibility visibility,
    Visibility stdoutVisibility,
    List<RubricError> warnings,
    boolean voidOnStaticFinding,
    RubricPlaces places) {

  public Rubric {
    forbidden = List.copyOf(forbidden);
    questions = List.copyOf(questions);
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(stdoutVisibility, "stdoutVisibility");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(places, "places");
  }

  /** A rubric whose parts' places in its file are unknown. */
  public Rubric(
      Path source,
      String assignment,
      Limits limits,
      List<String> forbidden,
      boolean resultsPerTest,
      List<Question> questions,
      Visibility visibility,
      Visibility stdoutVisibility,
      List<RubricError> warnings,
      boolean voidOnStaticFinding) {
    this(
        source,
        assignment,
        limits,
        forbidden,
        resultsPerTest,
        questions,
        visibility,
        stdoutVisibility,
        warnings,
        voidOnStaticFinding,
        RubricPlaces.UNKNOWN);
  }

  /** A rubric with the default visibilities: results visible, the autograder's output hidden. */
  public Rubric(
      Path source,
      String assignment,
      Limits limits,
      List<String> forbidden,
      boolean resultsPerTest,
      List<Question> questions,
      List<RubricError> warnings) {
    this(
        source,
        assignment,
        limits,
        forbidden,
        resultsPerTest,
        questions,
        Visibility.VISIBLE,
        Visibility.HIDDEN,
        warnings,
        false);
  }

  /** A rubric with its visibilities and no warnings. */
  public Rubric(
      Path source,
      String assignment,
      Limits limits,
      List<String> forbidden,
      boolean resultsPerTest,
      List<Question> questions,
      Visibility visibility,
      Visibility stdoutVisibility) {
    this(
        source,
        assignment,
        limits,
        forbidden,
        resultsPerTest,
        questions,
        visibility,
        stdoutVisibility,
        List.of(),
        false);
  }

  /**
   * A rubric with the default visibilities, no warnings, and static-check findings reported only.
   */
  public Rubric(
      Path source,
      String assignment,
      Limits limits,
      List<String> forbidden,
      boolean resultsPerTest,
      List<Question> questions) {
    this(source, assignment, limits, forbidden, resultsPerTest, questions, List.of());
  }

  /** The sum of the questions' points. */
  public double maxScore() {
    return questions.stream().mapToDouble(Question::points).sum();
  }
}
