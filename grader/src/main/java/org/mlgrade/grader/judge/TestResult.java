package org.mlgrade.grader.judge;

import java.util.List;
import java.util.Optional;
import org.mlgrade.grader.rubric.Visibility;
import org.mlgrade.reference.Mismatch;

/**
 * The judged outcome of one rubric test.
 *
 * @param name the test's name
 * @param visibility when the student may see it
 * @param outcome how it ended
 * @param score points earned
 * @param maxScore points available
 * @param mismatches where a wrong answer differs from the expected one (empty otherwise)
 * @param mistake the known mistake the answer matches, if any
 * @param message for the student: what went wrong and, for visible tests, the input
 * @param input the test's input as JSON, abridged past a size; reporters show it for visible
 *     tests only
 * @param elapsedNanos wall time of the call
 * @param stdout what the student's code printed (capped by the sandbox)
 */
public record TestResult(
    String name,
    Visibility visibility,
    Outcome outcome,
    double score,
    double maxScore,
    List<Mismatch> mismatches,
    Optional<MistakeNote> mistake,
    String message,
    String input,
    long elapsedNanos,
    String stdout) {

  public TestResult {
    mismatches = List.copyOf(mismatches);
  }

  /** Whether the test passed. */
  public boolean passed() {
    return outcome == Outcome.PASSED;
  }

  /**
   * A known mistake named in feedback.
   *
   * @param id the mistake's id
   * @param description what went wrong, for the student
   * @param credit the share of the test's points the rubric gives for it (0 when none)
   */
  public record MistakeNote(String id, String description, double credit) {}
}
