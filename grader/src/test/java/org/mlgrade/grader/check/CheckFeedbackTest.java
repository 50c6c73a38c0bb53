package org.mlgrade.grader.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.check.SelfCheck.CheckResult;
import org.mlgrade.grader.check.SelfCheck.QuestionOutcome;
import org.mlgrade.grader.check.SelfCheck.TestOutcome;
import org.mlgrade.grader.check.VisibleTests.LimitsData;
import org.mlgrade.grader.check.VisibleTests.MistakeData;
import org.mlgrade.grader.check.VisibleTests.QuestionData;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.QuestionResult;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.ResultVisibility;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.report.FeedbackPdf;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.submission.CompiledSubmission;
import org.mlgrade.reference.Mismatch;

/** The self-check's findings as grading's feedback PDF, read back with PDFBox. */
class CheckFeedbackTest {

  @TempDir Path dir;

  private static QuestionData question(
      String id, String api, String comparison, int others, double otherPoints) {
    return new QuestionData(
        id,
        "Title " + id,
        2,
        "p." + id,
        api,
        "m",
        "I",
        "O",
        comparison,
        0,
        0,
        "per_test",
        Map.of("off-by-one", 0.5),
        List.of(),
        others,
        otherPoints);
  }

  /**
   * Three questions: q1 with a wrong answer matching a known mistake (half credit of 0.5) and a
   * pass, q2 not implemented, q3 (reference-only) an answer the self-check cannot decide. The
   * hidden tests: 3 + 1 + 0 = 4 tests, 1.5 + 0.5 + 0 = 2 points.
   */
  private static CheckResult check() {
    QuestionData q1 =
        question("q1", "org.mlgrade.api.conv.ConvArithmetic", VisibleTests.STRUCTURAL, 3, 1.5);
    QuestionData q2 =
        question("q2", "org.mlgrade.api.kernel.KernelValidity", VisibleTests.STRUCTURAL, 1, 0.5);
    QuestionData q3 =
        question("q3", "org.mlgrade.api.conv.FindLayer", VisibleTests.REFERENCE_ONLY, 0, 0);
    MistakeData offByOne =
        new MistakeData(
            "off-by-one",
            "You forgot the +1 of the output size.",
            JsonNodeFactory.instance.objectNode(),
            0);
    TestOutcome wrong =
        new TestOutcome(
            "q1 visible #1",
            Outcome.WRONG_ANSWER,
            "wrong answer",
            0.25,
            0.5,
            "{\"inputMarker\":31415}",
            List.of(new Mismatch("height", "0.4242424242", "0.7171717171")),
            Optional.of(offByOne),
            "",
            "DEBUG-PRINT-2718");
    TestOutcome right =
        new TestOutcome(
            "q1 visible #2",
            Outcome.PASSED,
            "passed",
            0.5,
            0.5,
            "{\"h\":8}",
            List.of(),
            Optional.empty(),
            "",
            "");
    TestOutcome missing =
        new TestOutcome(
            "q2 visible #1",
            Outcome.NO_IMPLEMENTATION,
            "not implemented",
            0,
            0.5,
            "{}",
            List.of(),
            Optional.empty(),
            "no class implements KernelValidity",
            "");
    TestOutcome undecided =
        new TestOutcome(
            "q3 visible #1",
            Outcome.NOT_DECIDED,
            "not decided here",
            0,
            0.5,
            "{\"k\":3}",
            List.of(),
            Optional.empty(),
            "Your answer is not the example answer [1,2], but grading accepts any valid answer.",
            "");
    VisibleTests tests =
        new VisibleTests(
            "HW 4", new LimitsData(5000, 60000, 256, 65536), List.of(), List.of(q1, q2, q3));
    CompiledSubmission compiled =
        new CompiledSubmission(
            Path.of("c"), List.of("A.java"), List.of(), List.of(), List.of(), List.of());
    return new CheckResult(
        tests,
        Path.of("work", "src"),
        compiled,
        IsolationLevel.PROCESS_ONLY,
        List.of(
            new QuestionOutcome(q1, 0.75, 1, List.of(wrong, right), false),
            new QuestionOutcome(q2, 0, 0.5, List.of(missing), true),
            new QuestionOutcome(q3, 0, 0.5, List.of(undecided), false)));
  }

  private static String text(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  @Test
  void theResultHoldsTheVisibleTestsOnlyWithThePrintedPoints() {
    CheckResult check = check();

    Result result = CheckFeedback.result(check);

    assertThat(result.score()).isEqualTo(0.75);
    assertThat(result.maxScore()).isEqualTo(2);
    assertThat(result.submission()).isEqualTo("src");
    assertThat(result.questions())
        .extracting(QuestionResult::score)
        .containsExactly(0.75, 0.0, 0.0);
    List<TestResult> tests = result.questions().stream().flatMap(q -> q.tests().stream()).toList();
    assertThat(tests)
        .as("the four visible tests, no hidden one")
        .hasSize(4)
        .allMatch(t -> t.visibility() == ResultVisibility.VISIBLE);
    assertThat(tests)
        .extracting(TestResult::outcome)
        .containsExactly(
            Outcome.WRONG_ANSWER, Outcome.PASSED, Outcome.NO_IMPLEMENTATION, Outcome.NOT_DECIDED);
    assertThat(tests.get(0).mistake())
        .hasValueSatisfying(
            m -> {
              assertThat(m.id()).isEqualTo("off-by-one");
              assertThat(m.credit()).isEqualTo(0.5);
            });
  }

  @Test
  void theFeedbackPdfShowsExpectedReturnedTheMistakeAndTheHiddenPointsAsANote() throws IOException {
    Path pdf = CheckFeedback.write(check(), dir.resolve("out"));

    assertThat(pdf).isEqualTo(dir.resolve("out").resolve(FeedbackPdf.FILE_NAME));
    String text = text(pdf);
    assertThat(text)
        .contains("HW 4")
        .contains("Student: src")
        // 0.75 of 2 points is 37.5%, rounded half up
        .contains("Total: 0.75 / 2 points (38%)")
        .contains("Self-check: these are the points of the 4 visible tests")
        .contains("Hidden tests: 4 more tests, worth 2 points, are not in your handout")
        .contains("Not implemented yet: org.mlgrade.api.kernel.KernelValidity (q2)")
        .contains("q1 visible #1 — wrong answer (0.25 / 0.5 points)")
        .contains("height")
        .contains("0.4242424242")
        .contains("0.7171717171")
        .contains("Known mistake: off-by-one")
        .contains("You forgot the +1 of the output size.")
        .contains("Partial credit: 50% of this test's points.")
        .contains("inputMarker")
        .contains("DEBUG-PRINT-2718")
        .contains("q3 visible #1 — not decided by the self-check")
        .contains("grading accepts any valid answer");
    assertThat(text)
        .as("a passed test is not listed")
        .doesNotContain("q1 visible #2")
        .as("hidden tests are a note, never failures")
        .doesNotContain("Tests not shown")
        .doesNotContain("hidden test ");
  }

  @Test
  void reportPrintsTheScoresThenWritesThePdfAndSaysWhere() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Path outDir = dir.resolve("mlgrade-check");

    CheckRun.report(check(), outDir, new PrintWriter(out), new PrintWriter(err), false);

    assertThat(err.toString()).isEmpty();
    assertThat(outDir.resolve("feedback.pdf")).isRegularFile();
    assertThat(out.toString())
        .startsWith(printed())
        .contains("Wrote " + outDir.resolve("feedback.pdf"));
  }

  @Test
  void aPdfThatCannotBeWrittenIsALoudErrorAndTheScoresStandAsPrinted() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("taken"), "a file, not a folder");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    CheckRun.report(check(), notADirectory, new PrintWriter(out), new PrintWriter(err), false);

    assertThat(err.toString())
        .contains("mlgrade check: ERROR: could not write " + notADirectory.resolve("feedback.pdf"))
        .contains("scores above are complete");
    assertThat(out.toString()).isEqualTo(printed());
  }

  /** What the terminal report alone prints. */
  private static String printed() {
    StringWriter text = new StringWriter();
    CheckReport.print(check(), new PrintWriter(text), false);
    return text.toString();
  }
}
