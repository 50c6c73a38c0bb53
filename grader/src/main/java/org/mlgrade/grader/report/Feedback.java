package org.mlgrade.grader.report;

import java.util.Locale;
import java.util.stream.Collectors;
import org.mlgrade.grader.judge.CompileSummary.Message;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.TestResult;

/** The feedback texts every reporter shares, so that a student reads the same words anywhere. */
final class Feedback {

  private static final int MAX_STDOUT_SHOWN = 2000;

  private Feedback() {}

  /** What a student should know about the submission as a whole. */
  static String overview(Result result) {
    StringBuilder text = new StringBuilder();
    text.append(result.assignment())
        .append(": ")
        .append(Tables.points(result.score()))
        .append(" / ")
        .append(Tables.points(result.maxScore()))
        .append(" points.");
    var compiled = result.compiled();
    if (!compiled.problems().isEmpty()) {
      text.append("\n\nProblems with the submission:");
      compiled.problems().forEach(p -> text.append("\n  - ").append(p));
    }
    if (!compiled.excluded().isEmpty()) {
      text.append(
              "\n\nThese files did not compile and were left out; the questions that need "
                  + "them score 0:\n  ")
          .append(String.join(", ", compiled.excluded()));
    }
    String errors =
        compiled.messages().stream()
            .filter(Message::error)
            .map(Message::toString)
            .collect(Collectors.joining("\n  "));
    if (!errors.isEmpty()) {
      text.append("\n\nCompiler errors:\n  ").append(errors);
    }
    if (!compiled.findings().isEmpty()) {
      text.append("\n\nStatic checks:");
      compiled
          .findings()
          .forEach(
              f ->
                  text.append("\n  ")
                      .append(f.file())
                      .append(':')
                      .append(f.line())
                      .append(": [")
                      .append(f.rule())
                      .append("] ")
                      .append(f.message()));
    }
    text.append("\n\nSandbox isolation: ")
        .append(result.isolation().name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .append('.');
    if (result.isolation().weakIsolationAllowed()) {
      text.append(
          " Weaker than hidden tests need, allowed by the operator " + "(--allow-weak-isolation).");
    }
    return text.toString();
  }

  /** What a student should know about one test. */
  static String test(TestResult test) {
    StringBuilder text = new StringBuilder(Findings.describe(test));
    if (!test.stdout().isEmpty()) {
      String stdout =
          test.stdout().length() > MAX_STDOUT_SHOWN
              ? test.stdout().substring(0, MAX_STDOUT_SHOWN) + "..."
              : test.stdout();
      text.append("\nYour code printed:\n").append(stdout);
    }
    return text.toString();
  }
}
