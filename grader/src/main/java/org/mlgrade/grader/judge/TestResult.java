package org.mlgrade.grader.judge;

import java.util.List;
import java.util.Optional;
import org.mlgrade.reference.Mismatch;
import org.mlgrade.reference.PartStatus;

/**
 * The judged outcome of one rubric test: structured findings, which reporters put into words.
 *
 * @param name the test's name
 * @param visibility when the student may see it
 * @param outcome how it ended
 * @param score points earned
 * @param maxScore points available
 * @param mismatches where a wrong answer differs from the expected one (empty otherwise), at most
 *     {@link org.mlgrade.reference.StructuralComparison#MAX_MISMATCHES}; {@link #parts} counts the
 *     others
 * @param mistake the known mistake the answer matches, when exactly one matches
 * @param message the outcome in a line, for logs: the sandbox's account of a call that did not
 *     return (exception, time limit, exit), or the differences of a wrong answer; reporters word
 *     findings from the structured fields instead
 * @param input the test's input as JSON, abridged past a size
 * @param elapsedNanos wall time of the call
 * @param stdout what the student's code printed (capped by the sandbox)
 * @param parts each part of a returned answer, judged (one part, {@code "answer"}, for problems
 *     that do not split answers); empty when no answer was returned
 * @param matchingMistakes every known mistake the answer matches, after the other tests of the
 *     question ruled some out; {@link #mistake} is present only when there is exactly one
 * @param nonFinite NaN in a wrong answer, with the likely causes; NaN never names a mistake
 */
public record TestResult(
    String name,
    ResultVisibility visibility,
    Outcome outcome,
    double score,
    double maxScore,
    List<Mismatch> mismatches,
    Optional<MistakeNote> mistake,
    String message,
    String input,
    long elapsedNanos,
    String stdout,
    List<PartScore> parts,
    List<MistakeNote> matchingMistakes,
    Optional<NonFinite> nonFinite) {

  public TestResult {
    mismatches = List.copyOf(mismatches);
    parts = List.copyOf(parts);
    matchingMistakes = List.copyOf(matchingMistakes);
  }

  /** A result without parts, several matches or NaN findings. */
  public TestResult(
      String name,
      ResultVisibility visibility,
      Outcome outcome,
      double score,
      double maxScore,
      List<Mismatch> mismatches,
      Optional<MistakeNote> mistake,
      String message,
      String input,
      long elapsedNanos,
      String stdout) {
    this(
        name,
        visibility,
        outcome,
        score,
        maxScore,
        mismatches,
        mistake,
        message,
        input,
        elapsedNanos,
        stdout,
        List.of(),
        mistake.stream().toList(),
        Optional.empty());
  }

  /** Whether the test passed. */
  public boolean passed() {
    return outcome == Outcome.PASSED;
  }

  /** How many differences there are in all, listed or not. */
  public int differences() {
    int omitted = parts.stream().mapToInt(PartScore::omitted).sum();
    int listed =
        parts.isEmpty()
            ? mismatches.size()
            : parts.stream().mapToInt(p -> p.mismatches().size()).sum();
    return listed + omitted;
  }

  /**
   * A known mistake named in feedback.
   *
   * @param id the mistake's id
   * @param description what went wrong, for the student
   * @param credit the share of the test's points the rubric gives for it (0 when none)
   */
  public record MistakeNote(String id, String description, double credit) {}

  /**
   * One part of the answer (a row, a gradient, a parameter), judged and credited.
   *
   * @param name the part's name, e.g. {@code "fc1"}, {@code "gradW2"}, {@code "answer"}
   * @param status right, wrong, or carried forward from the student's earlier wrong parts
   * @param weight its weight among the test's parts (the rubric's part weight, default 1)
   * @param credit the share of its weight earned: 1 right, the rubric's {@code carried_forward}
   *     when carried forward, 0 wrong
   * @param mismatches where it differs from the reference, at most 10
   * @param omitted how many more differences it has
   */
  public record PartScore(
      String name,
      PartStatus status,
      double weight,
      double credit,
      List<Mismatch> mismatches,
      int omitted) {

    public PartScore {
      mismatches = List.copyOf(mismatches);
    }
  }

  /**
   * NaN found in a wrong answer.
   *
   * @param parts the parts holding NaN
   * @param likelyCauses the known mistakes that give NaN there too (none is named)
   */
  public record NonFinite(List<String> parts, List<MistakeNote> likelyCauses) {

    public NonFinite {
      parts = List.copyOf(parts);
      likelyCauses = List.copyOf(likelyCauses);
    }
  }
}
