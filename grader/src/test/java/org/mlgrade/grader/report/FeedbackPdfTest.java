package org.mlgrade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.judge.CompileSummary;
import org.mlgrade.grader.judge.CompileSummary.Finding;
import org.mlgrade.grader.judge.CompileSummary.Message;
import org.mlgrade.grader.judge.IsolationSummary;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.QuestionResult;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.ResultVisibility;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.judge.TestResult.MistakeNote;
import org.mlgrade.grader.judge.TestResult.PartScore;
import org.mlgrade.reference.Mismatch;
import org.mlgrade.reference.PartStatus;

class FeedbackPdfTest {

  /** Text stays within the side margins (50 pt, a point of slack) and clear of the page's ends. */
  private static final float MARGINS = PdfLayout.MARGIN - 1;

  /** The Greek letters and maths symbols the issue names. */
  static final String SYMBOLS = "σ η ∂ ≤ ŷ ∑ √";

  private static TestResult visibleWrong() {
    return new TestResult(
        "visible sigmoid chain",
        ResultVisibility.VISIBLE,
        Outcome.WRONG_ANSWER,
        1,
        2,
        List.of(new Mismatch("dLdw[1]", "0.4242424242", "0.7171717171")),
        Optional.of(
            new MistakeNote(
                "sigmoid-derivative",
                "You used σ(x) where σ(x)(1 − σ(x)) " + "belongs: ∂ŷ/∂z ≤ 1/4, ∑ and √ included.",
                0.5)),
        "wrong answer (message text is not what the PDF shows)",
        "{\"visibleInputMarker\":31415}",
        1000,
        "VISIBLE-PRINT-2718");
  }

  private static TestResult hiddenWrong() {
    String secret = "{\"hiddenInputMarker\":86420}";
    return new TestResult(
        "hidden sigmoid chain",
        ResultVisibility.HIDDEN,
        Outcome.WRONG_ANSWER,
        0,
        2,
        List.of(new Mismatch("dLdw[0]", "0.5797979797", "0.9191919191")),
        Optional.of(new MistakeNote("forgot-bias", "You forgot the bias term b.", 0)),
        "wrong answer\n  dLdw[0]: expected 0.5797979797, got 0.9191919191\nInput: " + secret,
        secret,
        1000,
        "HIDDEN-PRINT-1618");
  }

  private static TestResult afterDueThrew() {
    String secret = "{\"afterDueInputMarker\":97531}";
    return new TestResult(
        "after-due edge case",
        ResultVisibility.AFTER_DUE_DATE,
        Outcome.THREW,
        0,
        1,
        List.of(),
        Optional.empty(),
        "threw an exception: ArithmeticException: 13579 / 0\nInput: " + secret,
        secret,
        1000,
        "AFTERDUE-PRINT-1414");
  }

  private static TestResult visibleTimeout() {
    return new TestResult(
        "visible big net",
        ResultVisibility.VISIBLE,
        Outcome.TIMED_OUT,
        0,
        1,
        List.of(),
        Optional.empty(),
        "timed out: 5 s\nInput: {\"n\":1}",
        "{\"n\":1}",
        5_000_000_000L,
        "");
  }

  private static TestResult passed(String name, ResultVisibility visibility) {
    return new TestResult(
        name,
        visibility,
        Outcome.PASSED,
        1,
        1,
        List.of(),
        Optional.empty(),
        "",
        "{\"passedInputMarker\":11111}",
        1000,
        "");
  }

  static Result result(List<QuestionResult> questions, CompileSummary compiled) {
    double score = questions.stream().mapToDouble(QuestionResult::score).sum();
    double max = questions.stream().mapToDouble(QuestionResult::maxScore).sum();
    return new Result(
        "HW2: backprop " + SYMBOLS,
        "alice-σ",
        score,
        max,
        questions,
        compiled,
        isolation("UNPRIVILEGED_USER", "separate process as an unprivileged user"),
        1,
        true,
        Duration.ofSeconds(3));
  }

  static IsolationSummary isolation(String name, String description) {
    return new IsolationSummary(name, description, false, List.of(), Map.of(), "");
  }

  static CompileSummary compiled() {
    return new CompileSummary(
        List.of("Backprop.java", "Broken.java"),
        List.of("Broken.java"),
        List.of(
            new Message("Broken.java", 17, true, "';' expected"),
            new Message("Backprop.java", 3, false, "WARNING-NOT-SHOWN")),
        List.of(new Finding("no-network", "Backprop.java", 42, "java.net.Socket is not allowed")),
        List.of());
  }

  private static Result sample() {
    QuestionResult q1 =
        new QuestionResult(
            "backprop.sigmoid",
            "Sigmoid chain: ∂L/∂w",
            1,
            6,
            List.of(
                passed("visible easy", ResultVisibility.VISIBLE),
                visibleWrong(),
                hiddenWrong(),
                passed("hidden easy", ResultVisibility.HIDDEN)));
    QuestionResult q2 =
        new QuestionResult(
            "backprop.relu", "ReLU net", 0, 2, List.of(afterDueThrew(), visibleTimeout()));
    return result(List.of(q1, q2), compiled());
  }

  @Test
  void visibleTestsShowTheirValuesAndHiddenTestsShowOnlyTheVerdictAndMistake(@TempDir Path dir)
      throws Exception {
    Path file = FeedbackPdf.write(sample(), dir);
    assertThat(file).isEqualTo(dir.resolve("feedback.pdf"));
    String text = PdfAssertions.text(file);
    // the header and the per-question table
    assertThat(text)
        .contains("alice-σ", "backprop.sigmoid", "backprop.relu", "1 / 8 points")
        .contains("2 of 4")
        .contains("unprivileged user");
    // the visible wrong answer: input, expected, returned, mistake, credit, printed output
    assertThat(text)
        .contains(
            "visibleInputMarker",
            "31415",
            "dLdw[1]",
            "0.4242424242",
            "0.7171717171",
            "sigmoid-derivative",
            "Partial credit: 50%",
            "VISIBLE-PRINT-2718");
    assertThat(text).contains("timed out", "did not finish within the time limit");
    // hidden and after-due-date tests: verdict, question and mistake only
    assertThat(text)
        .contains(
            "forgot-bias", "You forgot the bias term b.", "hidden test 1", "after due date test 1");
    assertThat(text)
        .doesNotContain(
            "hiddenInputMarker",
            "86420",
            "0.5797979797",
            "0.9191919191",
            "HIDDEN-PRINT-1618",
            "hidden sigmoid chain");
    assertThat(text)
        .doesNotContain(
            "afterDueInputMarker", "97531", "13579", "AFTERDUE-PRINT-1414", "after-due edge case");
    assertThat(text).doesNotContain("passedInputMarker");
    // the submission: compile error with file and line, static finding; warnings left out
    assertThat(text)
        .contains(
            "Broken.java",
            "17",
            "';' expected",
            "no-network",
            "42",
            "java.net.Socket is not allowed")
        .doesNotContain("WARNING-NOT-SHOWN");
  }

  /**
   * A wrong answer of nine parts: seven right, {@code marker}W wrong, {@code marker}C right given
   * the wrong one (its error carried forward, for half its credit).
   */
  private static TestResult partedWrong(String name, ResultVisibility visibility, String marker) {
    List<PartScore> parts = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      parts.add(new PartScore(marker + "R" + i, PartStatus.RIGHT, 1, 1, List.of(), 0));
    }
    Mismatch differs = new Mismatch(marker + "W[0]", "0.25", "0.75");
    parts.add(new PartScore(marker + "W", PartStatus.WRONG, 1, 0, List.of(differs), 0));
    parts.add(new PartScore(marker + "C", PartStatus.CARRIED_FORWARD, 1, 0.5, List.of(), 0));
    return new TestResult(
        name,
        visibility,
        Outcome.WRONG_ANSWER,
        0.3,
        1,
        List.of(differs),
        Optional.empty(),
        "wrong answer",
        "{}",
        1000,
        "",
        parts,
        List.of(),
        Optional.empty());
  }

  @Test
  void visibleMultiPartAnswersShowTheirBreakdownAndHiddenOnesDoNot(@TempDir Path dir)
      throws Exception {
    QuestionResult q =
        new QuestionResult(
            "nn.backprop",
            "Backprop",
            0.3,
            2,
            List.of(
                partedWrong("visible net", ResultVisibility.VISIBLE, "fc"),
                partedWrong("hidden net", ResultVisibility.HIDDEN, "secret")));
    String text =
        PdfAssertions.text(FeedbackPdf.write(result(List.of(q), compiled()), dir))
            .replaceAll("\\s+", " ");
    // 9 parts built above, 7 of them right; the words are the terminal's (Findings)
    assertThat(text)
        .contains(
            "7 of 9 parts right: • fcW: wrong",
            "fcC: follows correctly from your earlier wrong parts (error carried forward, 50% of "
                + "its credit)");
    // the hidden test: failed, numbered, nothing of its parts
    assertThat(text).contains("hidden test 1 — wrong answer").doesNotContain("secret");
    assertThat(text.split("parts right", -1)).as("one breakdown, the visible test's").hasSize(2);
  }

  @Test
  void greekLettersAndMathsSymbolsSurviveTextExtraction(@TempDir Path dir) throws Exception {
    String text = PdfAssertions.text(FeedbackPdf.write(sample(), dir));
    for (String symbol : SYMBOLS.split(" ")) {
      assertThat(text).as("extracted text holds %s", symbol).contains(symbol);
    }
    assertThat(text).contains("∂ŷ/∂z ≤ 1/4").doesNotContain("?/?z");
  }

  @Test
  void pdfsWrittenOneAfterAnotherOrAtOnceEachEmbedTheGlyphsTheyDraw(@TempDir Path dir)
      throws Exception {
    // Each thread parses the fonts once and embeds a subset of them in every PDF it writes: a
    // later PDF, or one written by another thread at the same time, must still carry its own
    // glyphs, and its text must extract whole.
    Path first = Files.createDirectories(dir.resolve("first"));
    Path second = Files.createDirectories(dir.resolve("second"));
    assertThat(PdfAssertions.text(FeedbackPdf.write(longResult(), first))).contains("x".repeat(80));
    assertThat(PdfAssertions.text(FeedbackPdf.write(sample(), second)))
        .contains(SYMBOLS.split(" "));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Path>> written = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Path out = Files.createDirectories(dir.resolve("at-once-" + i));
        Result result = i % 2 == 0 ? sample() : longResult();
        written.add(pool.submit(() -> FeedbackPdf.write(result, out)));
      }
      for (int i = 0; i < written.size(); i++) {
        String text = PdfAssertions.text(written.get(i).get());
        if (i % 2 == 0) {
          assertThat(text).contains(SYMBOLS.split(" "));
        } else {
          assertThat(text).contains("x".repeat(80));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void letterPairsStayLettersNotLigatures(@TempDir Path dir) throws Exception {
    // DejaVu has "fi" and "fl" ligature glyphs; drawn, they would extract as U+FB01 / U+FB02
    QuestionResult q =
        new QuestionResult("nb-fit", "Gaussian fit, float flags", 0, 1, List.of(visibleTimeout()));
    String text = PdfAssertions.text(FeedbackPdf.write(result(List.of(q), compiled()), dir));
    assertThat(text)
        .contains("nb-fit", "Gaussian fit, float flags")
        .doesNotContain("\uFB01", "\uFB02");
  }

  /**
   * Two failed visible tests with long inputs, long values and long printed lines, plus a hidden
   * one.
   */
  static Result longResult() {
    String longWord = "x".repeat(900);
    List<TestResult> tests = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      List<Mismatch> mismatches = new ArrayList<>();
      for (int m = 0; m < 25; m++) {
        mismatches.add(
            new Mismatch(
                "layers[" + m + "].weights", "[" + "0.123456789, ".repeat(40) + "]", longWord));
      }
      tests.add(
          new TestResult(
              "visible test " + i + " " + longWord,
              ResultVisibility.VISIBLE,
              Outcome.WRONG_ANSWER,
              0,
              1,
              mismatches,
              Optional.empty(),
              "wrong answer",
              "{\"values\":[" + "1.0,".repeat(300) + "1.0]}",
              1000,
              ("a long printed line " + longWord + "\n").repeat(30)));
    }
    tests.add(hiddenWrong());
    QuestionResult q = new QuestionResult("q1", "Long " + longWord, 0, 4, tests);
    return result(List.of(q), compiled());
  }

  @Test
  void rendersEveryPageAndKeepsLongContentOnThePage(@TempDir Path dir) throws Exception {
    Path file = FeedbackPdf.write(longResult(), dir);
    int pages = PdfAssertions.pages(file);
    assertThat(pages).isGreaterThan(3);
    // glyphsOutside extracts the text too, so it also proves what the text holds
    assertThat(PdfAssertions.glyphsOutside(file, MARGINS, 20)).isEmpty();
    PdfAssertions.renders(file, pages - 1);
  }

  @Test
  void cutsLongListsAndValuesWithANote(@TempDir Path dir) throws Exception {
    List<Mismatch> mismatches = new ArrayList<>();
    for (int m = 0; m < 25; m++) {
      mismatches.add(new Mismatch("w[" + m + "]", "1", "2"));
    }
    TestResult test =
        new TestResult(
            "many",
            ResultVisibility.VISIBLE,
            Outcome.WRONG_ANSWER,
            0,
            1,
            mismatches,
            Optional.empty(),
            "wrong answer",
            "{\"v\":[" + "1.0,".repeat(2000) + "1]}",
            1000,
            "");
    QuestionResult q = new QuestionResult("q1", "Many", 0, 1, List.of(test));
    String text = PdfAssertions.text(FeedbackPdf.write(result(List.of(q), compiled()), dir));
    // 20 of the 25 differing parts are listed, and at most 20 lines of the input
    assertThat(text)
        .contains("w[19]", "… and 5 more differing parts.")
        .doesNotContain("w[20]")
        .containsPattern("… \\d+ more lines not shown");
  }

  @Test
  void hiddenFailuresAlikeAreListedOnceWithTheirNumbers(@TempDir Path dir) throws Exception {
    List<TestResult> tests = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tests.add(i == 3 ? passed("hidden pass", ResultVisibility.HIDDEN) : hiddenWrong());
    }
    tests.add(afterDueThrew());
    QuestionResult q = new QuestionResult("q1", "Q", 0, 11, tests);
    String text = PdfAssertions.text(FeedbackPdf.write(result(List.of(q), compiled()), dir));
    // hidden tests 1-3 and 5 named forgot-bias; 4 passed; the after-due-date test is number 6
    assertThat(text)
        .contains("hidden tests 1–3, 5 — wrong answer", "after due date test 6", "1 of 6 passed")
        .doesNotContain("86420");
    assertThat(text.split("You forgot the bias term b.", -1)).hasSize(2);
  }

  @Test
  void rangesCollapseRunsOfNumbers() {
    assertThat(FeedbackPdf.ranges(List.of(1, 2, 3, 5, 7, 8))).isEqualTo("1–3, 5, 7–8");
    assertThat(FeedbackPdf.ranges(List.of(4))).isEqualTo("4");
  }

  @Test
  void allPassedSaysSo(@TempDir Path dir) throws Exception {
    QuestionResult q =
        new QuestionResult(
            "q1",
            "Easy",
            2,
            2,
            List.of(passed("a", ResultVisibility.VISIBLE), passed("b", ResultVisibility.HIDDEN)));
    CompileSummary clean =
        new CompileSummary(List.of("A.java"), List.of(), List.of(), List.of(), List.of());
    Path file = FeedbackPdf.write(result(List.of(q), clean), dir);
    String text = PdfAssertions.text(file);
    assertThat(text)
        .contains("Every test passed.", "2 / 2 points (100%)")
        .doesNotContain("Your submission", "passedInputMarker");
    assertThat(PdfAssertions.pages(file)).isEqualTo(1);
    // Nothing is shown as code, so the monospaced font is not embedded (a batch writes hundreds)
    assertThat(PdfAssertions.fonts(file))
        .anyMatch(name -> name.endsWith("+DejaVuSans"))
        .noneMatch(name -> name.contains("Mono"));
    Path failed = FeedbackPdf.write(sample(), Files.createDirectories(dir.resolve("failed")));
    assertThat(PdfAssertions.fonts(failed)).anyMatch(name -> name.endsWith("+DejaVuSansMono"));
  }

  @Test
  void parallelWritersEachGetTheirOwnStudentsPdf(@TempDir Path dir) throws Exception {
    // the batch writes feedback from several worker threads at once
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Path>> written = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Path out = dir.resolve("s" + i);
        Result result =
            new Result(
                "HW",
                "student-" + i + "-marker",
                0,
                1,
                sample().questions(),
                compiled(),
                isolation("BUBBLEWRAP", "bubblewrap sandbox"),
                0,
                true,
                Duration.ZERO);
        written.add(pool.submit(() -> FeedbackPdf.write(result, out)));
      }
      for (int i = 0; i < 4; i++) {
        String text = PdfAssertions.text(written.get(i).get());
        assertThat(text).contains("student-" + i + "-marker");
        for (int j = 0; j < 4; j++) {
          if (j != i) {
            assertThat(text).doesNotContain("student-" + j + "-marker");
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void writingIntoAMissingDirectoryCreatesIt(@TempDir Path dir) throws Exception {
    Path file = FeedbackPdf.write(sample(), dir.resolve("a/b"));
    assertThat(Files.size(file)).isPositive();
  }
}
