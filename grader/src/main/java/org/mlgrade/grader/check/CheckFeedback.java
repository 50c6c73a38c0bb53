package org.mlgrade.grader.check;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlgrade.grader.check.SelfCheck.CheckResult;
import org.mlgrade.grader.check.SelfCheck.QuestionOutcome;
import org.mlgrade.grader.check.SelfCheck.TestOutcome;
import org.mlgrade.grader.judge.CompileSummary;
import org.mlgrade.grader.judge.IsolationSummary;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.QuestionResult;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.ResultVisibility;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.judge.TestResult.MistakeNote;
import org.mlgrade.grader.report.FeedbackPdf;

/**
 * The self-check as grading's feedback PDF shows it: a {@link Result} of the visible tests only
 * (each visible, with its outcome, points, differing values, named mistake, input and what the code
 * printed), and notes under the total that say what the self-check covers and how many points the
 * hidden tests carry. Hidden tests are never shown as tests, so never as failures.
 */
public final class CheckFeedback {

  private CheckFeedback() {}

  /**
   * Writes {@code feedback.pdf} for {@code check} into {@code directory}, created if missing;
   * returns the file.
   */
  public static Path write(CheckResult check, Path directory) throws IOException {
    Files.createDirectories(directory);
    return FeedbackPdf.write(result(check), notes(check), directory);
  }

  /** The self-check as a grading result of its visible tests, with the points it printed. */
  public static Result result(CheckResult check) {
    List<QuestionResult> questions = new ArrayList<>();
    for (QuestionOutcome question : check.questions()) {
      List<TestResult> tests = new ArrayList<>();
      for (TestOutcome test : question.tests()) {
        tests.add(test(question, test));
      }
      questions.add(
          new QuestionResult(
              question.question().id(),
              question.question().title(),
              question.score(),
              question.maxScore(),
              tests,
              ResultVisibility.VISIBLE));
    }
    return new Result(
        check.tests().assignment(),
        name(check.sources()),
        check.score(),
        check.maxScore(),
        questions,
        CompileSummary.of(check.compiled()),
        IsolationSummary.of(check.isolation()),
        0,
        true,
        Duration.ZERO,
        ResultVisibility.VISIBLE,
        ResultVisibility.VISIBLE);
  }

  /** What the PDF says under the total: what was checked, the hidden tests, what is missing. */
  public static List<String> notes(CheckResult check) {
    VisibleTests tests = check.tests();
    int visible = check.questions().stream().mapToInt(q -> q.tests().size()).sum();
    List<String> notes = new ArrayList<>();
    notes.add(
        "Self-check: these are the points of the "
            + visible
            + " visible test"
            + (visible == 1 ? "" : "s")
            + " of your handout, judged against its expected answers "
            + "as grading judges them.");
    if (tests.otherTests() > 0) {
      boolean one = tests.otherTests() == 1;
      notes.add(
          "Hidden tests: "
              + tests.otherTests()
              + " more test"
              + (one ? "" : "s")
              + ", worth "
              + points(tests.otherPoints())
              + " points, "
              + (one ? "is" : "are")
              + " not in your handout: the self-check cannot run "
              + (one ? "it" : "them")
              + ", grading will. Passing every visible test does not mean full marks.");
    } else {
      notes.add("Every test of the rubric is visible: this is the score grading gives.");
    }
    Map<String, List<String>> missing = CheckReport.notImplemented(check);
    if (!missing.isEmpty()) {
      List<String> parts = new ArrayList<>();
      missing.forEach((api, ids) -> parts.add(api + " (" + String.join(", ", ids) + ")"));
      notes.add(
          "Not implemented yet: "
              + String.join("; ", parts)
              + ". Create a public class "
              + "implementing each, with a public no-argument constructor.");
    }
    return notes;
  }

  private static TestResult test(QuestionOutcome question, TestOutcome test) {
    Optional<MistakeNote> mistake =
        test.mistake()
            .map(
                m ->
                    new MistakeNote(
                        m.id(),
                        m.description(),
                        question.question().mistakeCredit().getOrDefault(m.id(), 0.0)));
    return new TestResult(
        test.name(),
        ResultVisibility.VISIBLE,
        test.outcome(),
        test.score(),
        test.maxScore(),
        test.mismatches(),
        mistake,
        message(test),
        test.input(),
        0,
        test.stdout());
  }

  /** The judge's message for a test, as grading words it. */
  private static String message(TestOutcome test) {
    Outcome outcome = test.outcome();
    return switch (outcome) {
      case PASSED -> "";
      case WRONG_ANSWER -> {
        StringBuilder text = new StringBuilder("wrong answer");
        test.mismatches().forEach(m -> text.append("\n  ").append(m));
        yield text.toString();
      }
      case NOT_DECIDED -> test.message();
      default -> outcome.label() + (test.message().isBlank() ? "" : ": " + test.message());
    };
  }

  private static String name(Path sources) {
    Path name = sources.toAbsolutePath().normalize().getFileName();
    return name == null ? sources.toString() : name.toString();
  }

  /** Points as the feedback PDF shows them: at most two decimals. */
  private static String points(double points) {
    return BigDecimal.valueOf(Math.round(points * 100) / 100.0)
        .stripTrailingZeros()
        .toPlainString();
  }
}
