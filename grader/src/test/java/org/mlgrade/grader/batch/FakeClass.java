package org.mlgrade.grader.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mlgrade.grader.batch.JournalLine.Header;
import org.mlgrade.grader.judge.CompileSummary;
import org.mlgrade.grader.judge.IsolationSummary;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.QuestionResult;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.ResultVisibility;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.report.ClassSummary.QuestionInfo;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.submission.CompiledSubmission;

/**
 * A made-up two-question assignment (q1 and q2, 6 points each, one test each) and results for it,
 * for tests that exercise the batch without compiling or running anything.
 */
final class FakeClass {

  static final Header HEADER = header("0123abcd");

  private FakeClass() {}

  /** The journal header of the fake rubric, with the given hash. */
  static Header header(String sha) {
    return new Header(
        Header.VERSION,
        sha,
        "fake.yaml",
        "HW0: fake",
        List.of(new QuestionInfo("q1", "First", 6), new QuestionInfo("q2", "Second", 6)),
        12);
  }

  /** A result with these points for q1 and q2; a question short of 6 names mistake "m-qN". */
  static Result result(String submission, double q1, double q2) {
    return new Result(
        "HW0: fake",
        submission,
        q1 + q2,
        12,
        List.of(question("q1", q1), question("q2", q2)),
        CompileSummary.of(
            new CompiledSubmission(
                Path.of("classes"), List.of("A.java"), List.of(), List.of(), List.of(), List.of())),
        IsolationSummary.of(IsolationLevel.PROCESS_ONLY),
        0,
        true,
        Duration.ofMillis(5));
  }

  private static QuestionResult question(String id, double score) {
    boolean passed = score == 6;
    TestResult test =
        new TestResult(
            id + " test",
            ResultVisibility.VISIBLE,
            passed ? Outcome.PASSED : Outcome.WRONG_ANSWER,
            score,
            6,
            List.of(),
            passed
                ? Optional.empty()
                : Optional.of(new TestResult.MistakeNote("m-" + id, "a known mistake", 0)),
            passed ? "" : "wrong",
            "{}",
            1000,
            "");
    return new QuestionResult(id, id.toUpperCase(Locale.ROOT), score, 6, List.of(test));
  }
}
