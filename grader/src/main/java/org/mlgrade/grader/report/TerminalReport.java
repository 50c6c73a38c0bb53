package org.mlgrade.grader.report;

import java.io.PrintWriter;
import org.mlgrade.grader.judge.QuestionResult;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.ResultVisibility;
import org.mlgrade.grader.judge.TestResult;

/** Prints a {@link Result} as a per-question table followed by the failures, for a terminal. */
public final class TerminalReport {

  private TerminalReport() {}

  /** Prints {@code result} to {@code out}; {@code showHidden} also details hidden tests. */
  public static void print(Result result, PrintWriter out, boolean showHidden) {
    out.printf("%s — %s%n", result.assignment(), result.submission());
    int width =
        Math.max(8, result.questions().stream().mapToInt(q -> q.title().length()).max().orElse(8));
    width = Math.min(width, 48);
    int idWidth =
        Math.max(8, result.questions().stream().mapToInt(q -> q.id().length()).max().orElse(8));
    String row = "%-" + idWidth + "s %-" + width + "s %9s %7s%n";
    out.printf(row, "question", "title", "points", "tests");
    for (QuestionResult question : result.questions()) {
      String title =
          question.title().length() > width
              ? question.title().substring(0, width - 1) + "…"
              : question.title();
      out.printf(
          row,
          question.id(),
          title,
          Tables.points(question.score()) + "/" + Tables.points(question.maxScore()),
          question.passedCount() + "/" + question.tests().size());
    }
    out.printf(
        row,
        "total",
        "",
        Tables.points(result.score()) + "/" + Tables.points(result.maxScore()),
        "");
    for (QuestionResult question : result.questions()) {
      for (TestResult test : question.tests()) {
        if (test.passed() || (!showHidden && test.visibility() != ResultVisibility.VISIBLE)) {
          continue;
        }
        out.printf(
            "%n[%s] %s (%s/%s): %s%n",
            question.id(),
            test.name(),
            Tables.points(test.score()),
            Tables.points(test.maxScore()),
            Feedback.test(test).replace("\n", "\n    "));
      }
    }
    out.println();
    out.println(Feedback.overview(result));
  }
}
