package org.mlgrade.grader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.judge.TestResult.MistakeNote;
import org.mlgrade.grader.judge.TestResult.PartScore;
import org.mlgrade.reference.Mismatch;
import org.mlgrade.reference.PartStatus;

/**
 * Puts the judge's findings about one test into words for the student: the parts right and wrong,
 * the differences, a NaN and its likely causes, the known mistake (named only when it is the only
 * one that matches) and the input. Every reporter words a test through this class, so a student
 * reads the same sentences in the terminal, results.json and the PDF.
 */
public final class Findings {

  private Findings() {}

  /** What went wrong in {@code test}, or {@code "passed"}; without the student's prints. */
  public static String describe(TestResult test) {
    if (test.passed()) {
      // Only an all-or-nothing question scores a passed test below its maximum.
      return test.score() < test.maxScore()
          ? "passed, but this question is all-or-nothing and another of its tests failed"
          : "passed";
    }
    StringBuilder text = new StringBuilder();
    if (test.outcome() == Outcome.WRONG_ANSWER) {
      text.append(Outcome.WRONG_ANSWER.label());
      parts(test, text);
      differences(test, text);
      test.nonFinite()
          .ifPresent(
              nan ->
                  text.append("\nYour answer holds NaN (not a number) in ")
                      .append(String.join(", ", nan.parts()))
                      .append(". NaN does not tell which mistake was made; likely causes: ")
                      .append(causes(nan.likelyCauses()))
                      .append('.'));
      test.mistake()
          .ifPresent(
              note ->
                  text.append("\nThis looks like a known mistake (")
                      .append(note.id())
                      .append("): ")
                      .append(note.description())
                      .append(
                          note.credit() > 0
                              ? " Partial credit: " + percent(note.credit()) + "."
                              : ""));
    } else {
      text.append(test.message());
    }
    if (!test.input().isEmpty()) {
      text.append("\nInput: ").append(test.input());
    }
    return text.toString();
  }

  /** How many parts are right, and one line per part that is not, for a multi-part answer. */
  private static void parts(TestResult test, StringBuilder text) {
    if (test.parts().size() < 2) {
      return;
    }
    text.append(" (").append(partsRight(test)).append(')');
    partsNotRight(test).forEach(line -> text.append("\n  ").append(line));
  }

  /** {@code "7 of 9 parts right"}: the parts of a returned answer that match the expected one. */
  static String partsRight(TestResult test) {
    long right = test.parts().stream().filter(p -> p.status() == PartStatus.RIGHT).count();
    return right + " of " + test.parts().size() + " parts right";
  }

  /**
   * One line per part that is not right, in answer order: {@code "fc1: wrong"}, or for a part that
   * follows correctly from the student's earlier wrong parts, that its error was carried forward
   * and the share of its credit that earns.
   */
  static List<String> partsNotRight(TestResult test) {
    List<String> lines = new ArrayList<>();
    for (PartScore part : test.parts()) {
      if (part.status() == PartStatus.WRONG) {
        lines.add(part.name() + ": wrong");
      } else if (part.status() == PartStatus.CARRIED_FORWARD) {
        lines.add(
            part.name()
                + ": follows correctly from your earlier wrong parts (error "
                + "carried forward"
                + (part.credit() > 0
                    ? ", " + Math.round(part.credit() * 100) + "% of its credit"
                    : "")
                + ')');
      }
    }
    return lines;
  }

  private static void differences(TestResult test, StringBuilder text) {
    List<Mismatch> mismatches = test.mismatches();
    for (Mismatch mismatch : mismatches) {
      String where = mismatch.path().isEmpty() ? "answer" : mismatch.path();
      text.append("\n  ")
          .append(where)
          .append(": expected ")
          .append(mismatch.expected())
          .append(", got ")
          .append(mismatch.actual());
    }
    int more = test.differences() - mismatches.size();
    if (more > 0) {
      text.append("\n  ... and ")
          .append(more)
          .append(" more difference")
          .append(more == 1 ? "" : "s");
    }
  }

  private static String causes(List<MistakeNote> causes) {
    String known =
        causes.stream()
            .map(c -> c.id() + " (" + c.description() + ")")
            .collect(Collectors.joining("; "));
    String usual = "0/0, 0 * log(0), exp overflowing to infinity, or a value never" + " computed";
    return known.isEmpty() ? usual : known + "; or, more generally, " + usual;
  }

  private static String percent(double fraction) {
    return Math.round(fraction * 100) + "% of the test's points";
  }
}
