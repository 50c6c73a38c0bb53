package org.mlgrade.grader.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mlgrade.grader.judge.CompileSummary;
import org.mlgrade.grader.judge.CompileSummary.Finding;
import org.mlgrade.grader.judge.CompileSummary.Message;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.QuestionResult;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.ResultVisibility;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.judge.TestResult.MistakeNote;
import org.mlgrade.reference.Mismatch;

/**
 * The student's feedback PDF: the total and a per-question table, the problems with the submission
 * (compile errors, static-check findings), and each failed test. A visible test shows its input,
 * how many of its answer's parts are right (and which are wrong or carry an earlier error forward),
 * what differs (expected against returned), the known mistake it matches and the credit; any other
 * test shows only that it failed, its question and the named mistake — never its input, its
 * expected answer, the student's values or what the code printed.
 */
public final class FeedbackPdf {

  /** The file name {@link #write} uses. */
  public static final String FILE_NAME = "feedback.pdf";

  private static final int MAX_MISMATCHES_SHOWN = 20;
  private static final int MAX_VALUE_CHARS = 240;
  private static final int MAX_INPUT_LINES = 20;
  private static final int MAX_STDOUT_CHARS = 3000;
  private static final int MAX_STDOUT_LINES = 15;
  private static final int MAX_LISTED = 50;
  private static final int MAX_NAME_CHARS = 160;
  private static final float INDENT = 12;
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

  private FeedbackPdf() {}

  /** Writes {@code feedback.pdf} for {@code result} into {@code directory}; returns the file. */
  public static Path write(Result result, Path directory) throws IOException {
    return write(result, List.of(), directory);
  }

  /**
   * Writes {@code feedback.pdf} for {@code result} into {@code directory}, with {@code notes}
   * (paragraphs on what the result covers, such as the self-check's) under the total; returns the
   * file.
   */
  public static Path write(Result result, List<String> notes, Path directory) throws IOException {
    Path file = directory.resolve(FILE_NAME);
    try (PdfLayout pdf =
        new PdfLayout(
            "Feedback: " + result.assignment() + " — " + result.submission(),
            result.assignment() + " — " + result.submission())) {
      header(pdf, result, notes);
      questionTable(pdf, result);
      submission(pdf, result.compiled());
      failures(pdf, result);
      pdf.save(file);
    }
    return file;
  }

  private static void header(PdfLayout pdf, Result result, List<String> notes) throws IOException {
    pdf.title(result.assignment());
    pdf.paragraph("Student: " + result.submission());
    pdf.paragraph("Date: " + ZonedDateTime.now(ZoneOffset.UTC).format(DATE));
    pdf.space(4);
    pdf.paragraph(
        "Total: "
            + points(result.score())
            + " / "
            + points(result.maxScore())
            + " points"
            + percent(result.score(), result.maxScore()),
        pdf.fonts().bold,
        14,
        0,
        PdfLayout.TEXT);
    for (String note : notes) {
      pdf.space(3);
      pdf.paragraph(note, pdf.fonts().regular, PdfLayout.BODY_SIZE, 0, PdfLayout.ACCENT);
    }
    pdf.space(4);
    pdf.paragraph(
        "Your code ran in: " + result.isolation().description() + ".",
        pdf.fonts().regular,
        9,
        0,
        PdfLayout.MUTED);
    if (result.restarts() > 0) {
      pdf.paragraph(
          "The sandbox was restarted "
              + result.restarts()
              + " time"
              + (result.restarts() == 1 ? "" : "s")
              + " after your code crashed or ran out of time.",
          pdf.fonts().regular,
          9,
          0,
          PdfLayout.MUTED);
    }
  }

  private static void questionTable(PdfLayout pdf, Result result) throws IOException {
    pdf.heading("Scores by question");
    List<List<String>> rows = new ArrayList<>();
    for (QuestionResult question : result.questions()) {
      rows.add(
          List.of(
              question.id(),
              abridge(question.title(), MAX_NAME_CHARS),
              points(question.score()) + " / " + points(question.maxScore()),
              question.passedCount() + " of " + question.tests().size()));
    }
    rows.add(List.of("total", "", points(result.score()) + " / " + points(result.maxScore()), ""));
    pdf.table(
        0,
        new float[] {2.2f, 4.3f, 1.4f, 1.5f},
        List.of("Question", "Title", "Points", "Tests passed"),
        rows,
        9);
  }

  private static void submission(PdfLayout pdf, CompileSummary compiled) throws IOException {
    List<Message> errors = compiled.messages().stream().filter(Message::error).toList();
    if (compiled.problems().isEmpty()
        && compiled.excluded().isEmpty()
        && errors.isEmpty()
        && compiled.findings().isEmpty()) {
      return;
    }
    pdf.heading("Your submission");
    for (String problem : compiled.problems()) {
      pdf.paragraph("• " + problem);
    }
    if (!compiled.excluded().isEmpty()) {
      pdf.paragraph(
          "These files did not compile and were left out; the questions that need "
              + "them score 0: "
              + String.join(", ", compiled.excluded()));
    }
    if (!errors.isEmpty()) {
      pdf.subheading("Compiler errors", PdfLayout.BAD);
      List<List<String>> rows = new ArrayList<>();
      for (Message error : errors.subList(0, Math.min(errors.size(), MAX_LISTED))) {
        rows.add(
            List.of(
                error.file(),
                error.line() > 0 ? String.valueOf(error.line()) : "",
                abridge(error.message(), MAX_VALUE_CHARS)));
      }
      pdf.table(0, new float[] {2.5f, 0.7f, 6.8f}, List.of("File", "Line", "Error"), rows, 8.5f);
      more(pdf, errors.size(), MAX_LISTED, "compiler errors");
    }
    if (!compiled.findings().isEmpty()) {
      pdf.subheading("Static checks", PdfLayout.BAD);
      List<Finding> findings = compiled.findings();
      List<List<String>> rows = new ArrayList<>();
      for (Finding f : findings.subList(0, Math.min(findings.size(), MAX_LISTED))) {
        rows.add(List.of(f.file(), String.valueOf(f.line()), f.rule(), f.message()));
      }
      pdf.table(
          0,
          new float[] {2.5f, 0.7f, 1.8f, 5f},
          List.of("File", "Line", "Rule", "Finding"),
          rows,
          8.5f);
      more(pdf, findings.size(), MAX_LISTED, "findings");
    }
  }

  private static void failures(PdfLayout pdf, Result result) throws IOException {
    pdf.heading("Failed tests");
    boolean any = false;
    for (QuestionResult question : result.questions()) {
      List<TestResult> tests = question.tests();
      if (tests.stream().allMatch(TestResult::passed)) {
        continue;
      }
      any = true;
      pdf.subheading(
          abridge(question.id() + " — " + question.title(), MAX_NAME_CHARS)
              + ": "
              + points(question.score())
              + " / "
              + points(question.maxScore())
              + " points",
          PdfLayout.ACCENT);
      int hidden = 0;
      int hiddenPassed = 0;
      Set<String> explained = new HashSet<>();
      // failed tests not shown in detail, numbered among them, grouped by what went wrong
      Map<HiddenFailure, List<Integer>> hiddenFailures = new LinkedHashMap<>();
      for (TestResult test : tests) {
        if (test.visibility() == ResultVisibility.VISIBLE) {
          if (!test.passed()) {
            visibleTest(pdf, test, explained);
          }
          continue;
        }
        hidden++;
        if (test.passed()) {
          hiddenPassed++;
        } else {
          hiddenFailures
              .computeIfAbsent(
                  new HiddenFailure(test.visibility(), test.outcome(), test.mistake()),
                  k -> new ArrayList<>())
              .add(hidden);
        }
      }
      for (Map.Entry<HiddenFailure, List<Integer>> group : hiddenFailures.entrySet()) {
        hiddenTests(pdf, group.getKey(), group.getValue(), explained);
      }
      if (hidden > 0) {
        pdf.paragraph(
            "Tests not shown in detail ("
                + visibilityWords(tests)
                + "): "
                + hiddenPassed
                + " of "
                + hidden
                + " passed.",
            pdf.fonts().regular,
            9,
            INDENT,
            PdfLayout.MUTED);
      }
    }
    if (!any) {
      pdf.paragraph(
          "Every test passed.", pdf.fonts().regular, PdfLayout.BODY_SIZE, 0, PdfLayout.GOOD);
    }
  }

  private static void visibleTest(PdfLayout pdf, TestResult test, Set<String> explained)
      throws IOException {
    pdf.space(3);
    pdf.paragraph(
        "✗ "
            + abridge(test.name(), MAX_NAME_CHARS)
            + " — "
            + test.outcome().label()
            + " ("
            + points(test.score())
            + " / "
            + points(test.maxScore())
            + " points)",
        pdf.fonts().bold,
        9.5f,
        INDENT / 2,
        PdfLayout.BAD);
    pdf.paragraph(
        OutcomeWords.explain(test.outcome()), pdf.fonts().regular, 9, INDENT, PdfLayout.TEXT);
    parts(pdf, test);
    if (!test.mismatches().isEmpty()) {
      List<Mismatch> mismatches = test.mismatches();
      List<List<String>> rows = new ArrayList<>();
      for (Mismatch m : mismatches.subList(0, Math.min(mismatches.size(), MAX_MISMATCHES_SHOWN))) {
        rows.add(
            List.of(
                m.path().isEmpty() ? "(whole answer)" : m.path(),
                abridge(m.expected(), MAX_VALUE_CHARS),
                abridge(m.actual(), MAX_VALUE_CHARS)));
      }
      pdf.table(
          INDENT,
          new float[] {2.5f, 3.5f, 3.5f},
          List.of("Where", "Expected", "Your code returned"),
          rows,
          8.5f);
      more(pdf, mismatches.size(), MAX_MISMATCHES_SHOWN, "differing parts");
    } else {
      String details = details(test);
      if (!details.isBlank()) {
        pdf.paragraph("Details:", pdf.fonts().bold, 8.5f, INDENT, PdfLayout.TEXT);
        pdf.code(details, INDENT, MAX_STDOUT_LINES);
      }
    }
    if (test.mistake().isPresent()) {
      mistake(pdf, test.mistake().get(), explained);
    }
    if (!test.input().isBlank()) {
      pdf.paragraph("Input:", pdf.fonts().bold, 8.5f, INDENT, PdfLayout.TEXT);
      pdf.code(test.input(), INDENT, MAX_INPUT_LINES);
    }
    if (!test.stdout().isBlank()) {
      pdf.paragraph("Your code printed:", pdf.fonts().bold, 8.5f, INDENT, PdfLayout.TEXT);
      pdf.code(abridge(test.stdout(), MAX_STDOUT_CHARS), INDENT, MAX_STDOUT_LINES);
    }
  }

  /**
   * A multi-part answer's breakdown, as the terminal words it: how many parts are right, then each
   * part that is not (wrong, or its error carried forward from an earlier wrong part, with the
   * credit that earns). Only for a visible test: the parts are values of the answer.
   */
  private static void parts(PdfLayout pdf, TestResult test) throws IOException {
    if (test.parts().size() < 2) {
      return;
    }
    List<String> lines = Findings.partsNotRight(test);
    pdf.paragraph(
        Findings.partsRight(test) + (lines.isEmpty() ? "." : ":"),
        pdf.fonts().bold,
        8.5f,
        INDENT,
        PdfLayout.TEXT);
    for (String line : lines.subList(0, Math.min(lines.size(), MAX_LISTED))) {
      pdf.paragraph(
          "• " + abridge(line, MAX_VALUE_CHARS),
          pdf.fonts().regular,
          8.5f,
          INDENT * 2,
          PdfLayout.TEXT);
    }
    more(pdf, lines.size(), MAX_LISTED, "parts not right");
    pdf.space(2);
  }

  /**
   * Tests the student may not see in detail that failed alike: only that they failed, how, their
   * question (the heading above) and the known mistake. Their names could describe their inputs, so
   * they are numbered instead.
   */
  private static void hiddenTests(
      PdfLayout pdf, HiddenFailure failure, List<Integer> numbers, Set<String> explained)
      throws IOException {
    pdf.space(3);
    pdf.paragraph(
        "✗ "
            + OutcomeWords.words(failure.visibility())
            + " test"
            + (numbers.size() == 1 ? " " : "s ")
            + ranges(numbers)
            + " — "
            + failure.outcome().label(),
        pdf.fonts().bold,
        9.5f,
        INDENT / 2,
        PdfLayout.BAD);
    pdf.paragraph(
        OutcomeWords.explain(failure.outcome()) + " Input and answers are not shown.",
        pdf.fonts().regular,
        9,
        INDENT,
        PdfLayout.TEXT);
    if (failure.mistake().isPresent()) {
      mistake(pdf, failure.mistake().get(), explained);
    }
  }

  /** What a failed test not shown in detail has in common with others like it. */
  private record HiddenFailure(
      ResultVisibility visibility, Outcome outcome, Optional<MistakeNote> mistake) {}

  /** 1, 2, 3, 5, 7, 8 as "1–3, 5, 7–8". */
  static String ranges(List<Integer> numbers) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < numbers.size(); ) {
      int j = i;
      while (j + 1 < numbers.size() && numbers.get(j + 1) == numbers.get(j) + 1) {
        j++;
      }
      parts.add(j == i ? String.valueOf(numbers.get(i)) : numbers.get(i) + "–" + numbers.get(j));
      i = j + 1;
    }
    return String.join(", ", parts);
  }

  /** Names the mistake, and explains it the first time it appears in a question. */
  private static void mistake(PdfLayout pdf, MistakeNote note, Set<String> explained)
      throws IOException {
    if (!explained.add(note.id())) {
      pdf.paragraph(
          "Known mistake: " + note.id() + " (explained above)",
          pdf.fonts().bold,
          9,
          INDENT,
          PdfLayout.TEXT);
      return;
    }
    pdf.paragraph("Known mistake: " + note.id(), pdf.fonts().bold, 9, INDENT, PdfLayout.TEXT);
    pdf.paragraph(
        note.description()
            + (note.credit() > 0
                ? " Partial credit: "
                    + Tables.points(Math.round(note.credit() * 1000) / 10.0)
                    + "% of this test's points."
                : ""),
        pdf.fonts().regular,
        9,
        INDENT,
        PdfLayout.TEXT);
  }

  /** What the judge said about a test that gave no answer (an exception's message, a limit). */
  private static String details(TestResult test) {
    String message = test.message();
    String inputSuffix = "\nInput: " + test.input();
    if (message.endsWith(inputSuffix)) {
      message = message.substring(0, message.length() - inputSuffix.length());
    }
    return abridge(message.strip(), MAX_STDOUT_CHARS);
  }

  private static String visibilityWords(List<TestResult> tests) {
    return String.join(
        ", ",
        tests.stream()
            .map(TestResult::visibility)
            .filter(v -> v != ResultVisibility.VISIBLE)
            .distinct()
            .map(OutcomeWords::words)
            .toList());
  }

  private static void more(PdfLayout pdf, int size, int shown, String what) throws IOException {
    if (size > shown) {
      pdf.paragraph(
          "… and " + (size - shown) + " more " + what + ".",
          pdf.fonts().regular,
          8.5f,
          INDENT,
          PdfLayout.MUTED);
    }
  }

  private static String abridge(String text, int max) {
    return text.length() <= max
        ? text
        : text.substring(0, max) + "… (" + text.length() + " characters)";
  }

  /** Points as shown to a student: at most two decimals (results.json keeps them exact). */
  private static String points(double points) {
    return Tables.points(Math.round(points * 100) / 100.0);
  }

  private static String percent(double score, double max) {
    return max <= 0 ? "" : " (" + Math.round(100 * score / max) + "%)";
  }
}
