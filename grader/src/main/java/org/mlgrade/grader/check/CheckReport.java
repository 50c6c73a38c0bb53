package org.mlgrade.grader.check;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mlgrade.grader.check.SelfCheck.CheckResult;
import org.mlgrade.grader.check.SelfCheck.QuestionOutcome;
import org.mlgrade.grader.check.SelfCheck.TestOutcome;
import org.mlgrade.grader.submission.CompileMessage;
import org.mlgrade.reference.Mismatch;

/**
 * Prints a self-check for a terminal: a per-question table of the visible tests, what is not
 * implemented yet, each failed test with its input, expected and returned values and the named
 * known mistake, and how many points hidden tests carry. Colour (ANSI) on request.
 */
public final class CheckReport {

  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  private final PrintWriter out;
  private final boolean colour;

  private CheckReport(PrintWriter out, boolean colour) {
    this.out = out;
    this.colour = colour;
  }

  /** Prints {@code result} to {@code out}, in colour when {@code colour}. */
  public static void print(CheckResult result, PrintWriter out, boolean colour) {
    new CheckReport(out, colour).print(result);
    out.flush();
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }

  private String scoreColour(double score, double max) {
    return score >= max ? GREEN : score > 0 ? YELLOW : RED;
  }

  private void print(CheckResult result) {
    VisibleTests tests = result.tests();
    out.println(paint(BOLD, tests.assignment() + " — self-check of " + result.sources()
        + " (visible tests only)"));
    problems(result);
    int idWidth = Math.max(8, result.questions().stream()
        .mapToInt(q -> q.question().id().length()).max().orElse(8));
    int titleWidth = Math.min(40, Math.max(5, result.questions().stream()
        .mapToInt(q -> q.question().title().length()).max().orElse(5)));
    String row = "%-" + idWidth + "s %-" + titleWidth + "s %11s %7s  %s%n";
    out.println();
    out.printf(row, "question", "title", "points", "tests", "");
    for (QuestionOutcome question : result.questions()) {
      String title = question.question().title();
      title = title.length() > titleWidth ? title.substring(0, titleWidth - 1) + "…" : title;
      long passed = question.tests().stream().filter(TestOutcome::passed).count();
      String points = points(question.score()) + "/" + points(question.maxScore());
      String note = question.tests().isEmpty() ? "no visible test"
          : question.notImplemented() ? paint(RED, "not implemented") : "";
      out.printf(row, question.question().id(), title,
          paint(scoreColour(question.score(), question.maxScore()), pad(points, 11)),
          passed + "/" + question.tests().size(), note);
    }
    out.printf(row, "total", "", paint(BOLD, pad(points(result.score()) + "/"
        + points(result.maxScore()), 11)), "", "");
    printNotImplemented(result);
    failures(result);
    out.println();
    if (tests.otherTests() > 0) {
      out.println(paint(BOLD, "Hidden tests: " + tests.otherTests() + " more tests, worth "
          + points(tests.otherPoints()) + " points, are not in your handout; the self-check "
          + "cannot run them, grading will. Passing every visible test does not mean full "
          + "marks."));
    } else {
      out.println("Every test of the rubric is visible: this is the score grading gives.");
    }
    out.println("Sandbox isolation: " + result.isolation().name().toLowerCase(Locale.ROOT)
        .replace('_', ' ') + ".");
  }

  private void problems(CheckResult result) {
    var compiled = result.compiled();
    for (String problem : compiled.problems()) {
      out.println(paint(RED, "Problem: ") + problem);
    }
    if (!compiled.excluded().isEmpty()) {
      out.println(paint(RED, "These files did not compile and were left out: ")
          + String.join(", ", compiled.excluded()));
    }
    compiled.messages().stream().filter(CompileMessage::error)
        .forEach(m -> out.println("  " + m));
    compiled.findings().forEach(f -> out.println(paint(YELLOW, "Static check: ") + f.file()
        + ":" + f.line() + ": [" + f.rule() + "] " + f.message()));
  }

  /** The interfaces no visible test found implemented, each with its questions' ids. */
  static Map<String, List<String>> notImplemented(CheckResult result) {
    Map<String, List<String>> missing = new LinkedHashMap<>();
    for (QuestionOutcome question : result.questions()) {
      if (question.notImplemented()) {
        missing.computeIfAbsent(question.question().solverInterface(), k -> new ArrayList<>())
            .add(question.question().id());
      }
    }
    return missing;
  }

  private void printNotImplemented(CheckResult result) {
    Map<String, List<String>> missing = notImplemented(result);
    if (missing.isEmpty()) {
      return;
    }
    out.println();
    out.println(paint(BOLD, "Not implemented:"));
    missing.forEach((api, questions) -> {
      String simple = api.substring(api.lastIndexOf('.') + 1);
      out.println("  " + api + " (questions " + String.join(", ", questions) + "): create a "
          + "public class implementing it with a public no-argument constructor, e.g. "
          + "src/hw/" + simple + "Solution.java, and implement its methods.");
    });
  }

  private void failures(CheckResult result) {
    for (QuestionOutcome question : result.questions()) {
      if (question.notImplemented()) {
        continue;
      }
      for (TestOutcome test : question.tests()) {
        if (test.passed()) {
          continue;
        }
        out.println();
        out.println(paint(BOLD, "[" + question.question().id() + "] " + test.name()) + " ("
            + points(test.score()) + "/" + points(test.maxScore()) + "): "
            + paint(RED, test.label()));
        out.println("    input: " + test.input());
        for (Mismatch mismatch : test.mismatches()) {
          out.println("    " + mismatch);
        }
        test.mistake().ifPresent(m -> out.println("    " + paint(YELLOW,
            "This looks like a known mistake (" + m.id() + "): ") + m.description()
            + credit(question, m.id())));
        if (!test.message().isBlank()) {
          out.println("    " + test.message().replace("\n", "\n    "));
        }
        if (!test.stdout().isEmpty()) {
          String stdout = test.stdout().length() > 2000
              ? test.stdout().substring(0, 2000) + "..." : test.stdout();
          out.println("    Your code printed:\n    " + stdout.replace("\n", "\n    "));
        }
      }
    }
  }

  private static String credit(QuestionOutcome question, String mistake) {
    Double credit = question.question().mistakeCredit().get(mistake);
    return credit == null ? "" : " Partial credit: " + Math.round(credit * 100)
        + "% of the test's points.";
  }

  private String pad(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }

  private static String points(double points) {
    return BigDecimal.valueOf(Math.round(points * 1e6) / 1e6).stripTrailingZeros()
        .toPlainString();
  }
}
