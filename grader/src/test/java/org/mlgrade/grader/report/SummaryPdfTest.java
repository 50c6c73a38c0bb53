package org.mlgrade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.report.ClassSummary.QuestionInfo;
import org.mlgrade.grader.report.ClassSummary.StudentLine;

class SummaryPdfTest {

  /** Text stays within the side margins (50 pt, a point of slack) and clear of the page's ends. */
  private static final float MARGINS = PdfLayout.MARGIN - 1;

  private static final List<QuestionInfo> QUESTIONS = List.of(
      new QuestionInfo("backprop.sigmoid", "Sigmoid chain: ∂L/∂w = ŷ − y", 4),
      new QuestionInfo("conv.shapes", "Conv output shapes", 6));

  private static StudentLine graded(String id, double q1, double q2,
      Map<String, List<String>> mistakes, List<String> problems) {
    return new StudentLine(id, "", "", true, "graded", q1 + q2,
        Map.of("backprop.sigmoid", q1, "conv.shapes", q2), mistakes, problems);
  }

  /**
   * Five graded students with totals 10, 7, 7, 4, 2 (mean 30 / 5 = 6, median 7) and q1 scores
   * 4, 3, 3, 1, 0 (mean 11 / 5 = 2.2, median 3, one full mark); one student not graded.
   */
  static ClassSummary classOfSeveral() {
    List<StudentLine> students = List.of(
        graded("ada", 4, 6, Map.of(), List.of()),
        graded("ben", 3, 4, Map.of("backprop.sigmoid", List.of("sigma-slip", "sigma-slip")),
            List.of()),
        graded("cyd", 3, 4, Map.of("backprop.sigmoid", List.of("sigma-slip"),
            "conv.shapes", List.of("no-floor")), List.of("timed out")),
        graded("dee", 1, 3, Map.of("backprop.sigmoid", List.of("sigma-slip", "bias-forgotten")),
            List.of("crashed")),
        graded("eve", 0, 2, Map.of(), List.of("did not compile")),
        new StudentLine("fay", "Fay Fontaine", "fay@example.org", false,
            "not graded: sandbox could not start: NOTGRADED-REASON-77", 0, Map.of(), Map.of(),
            List.of()));
    return new ClassSummary("HW2: backprop σ η", "bubblewrap (BUBBLEWRAP-MARKER)", QUESTIONS, 10,
        students);
  }

  static ClassSummary emptyClass() {
    return new ClassSummary("HW2", "process only", QUESTIONS, 10, List.of(
        new StudentLine("solo", "", "", false, "not graded: disk full", 0, Map.of(), Map.of(),
            List.of())));
  }

  static ClassSummary oneStudent() {
    return new ClassSummary("HW2", "bubblewrap", QUESTIONS, 10,
        List.of(graded("only", 2.5, 6, Map.of(), List.of())));
  }

  /** 1,000 students with seeded random scores: 40 not graded, about 100 with a problem. */
  static ClassSummary bigClass() {
    Random random = new Random(7);
    List<StudentLine> students = new ArrayList<>();
    String[] problems = {"did not compile", "timed out", "crashed"};
    for (int i = 0; i < 1000; i++) {
      String id = String.format("student-%04d", i);
      if (i % 25 == 0) {
        students.add(new StudentLine(id, "Name " + i, "", false,
            "not graded: the sandbox JVM could not start (exit 137) " + "x".repeat(i % 3 * 60),
            0, Map.of(), Map.of(), List.of()));
        continue;
      }
      double q1 = random.nextInt(9) / 2.0;
      double q2 = random.nextInt(7);
      List<String> mistakes = random.nextInt(3) == 0 ? List.of("mistake-" + random.nextInt(8))
          : List.of();
      List<String> problem = random.nextInt(10) == 0
          ? List.of(problems[random.nextInt(3)]) : List.of();
      students.add(graded(id, q1, q2, Map.of("backprop.sigmoid", mistakes), problem));
    }
    return new ClassSummary("HW2", "bubblewrap", QUESTIONS, 10, students);
  }

  @Test
  void summaryOfAClassShowsStatisticsMistakesProblemsAndNotGraded(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("summary.pdf");
    SummaryPdf.write(classOfSeveral(), file);
    String text = PdfAssertions.text(file);
    assertThat(text).contains("Students: 6 (5 graded, 1 not graded)", "BUBBLEWRAP-MARKER");
    assertThat(text).contains("Mean 6, median 7 of 10 points, over 5 graded students.");
    // q1: mean 2.2, median 3, full marks 1 of 5 = 20%
    assertThat(text).containsPattern("backprop.sigmoid\\s+Sigmoid chain: ∂L/∂w = ŷ − y\\s+4\\s+"
        + "2.2\\s+3\\s+1 \\(20%\\)");
    // sigma-slip named for ben (twice), cyd and dee: 3 students of 5 = 60%
    assertThat(text).containsPattern("backprop.sigmoid\\s+sigma-slip\\s+3\\s+60%")
        .containsPattern("backprop.sigmoid\\s+bias-forgotten\\s+1\\s+20%")
        .containsPattern("conv.shapes\\s+no-floor\\s+1\\s+20%");
    assertThat(text).contains("timed out — 1 student", "crashed — 1 student",
        "did not compile — 1 student", "cyd", "dee", "eve");
    assertThat(text).contains("fay (Fay Fontaine)",
        "sandbox could not start: NOTGRADED-REASON-77");
    assertThat(text).contains("σ η", "∂L/∂w", "ŷ");
    PdfAssertions.renders(file, 0);
    assertThat(PdfAssertions.glyphsOutside(file, MARGINS, 20)).isEmpty();
  }

  @Test
  void aClassWithNoGradedStudentStillGetsASummary(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("summary.pdf");
    SummaryPdf.write(emptyClass(), file);
    String text = PdfAssertions.text(file);
    assertThat(text).contains("No student was graded.", "no graded students", "disk full",
        "Students: 1 (0 graded, 1 not graded)");
    PdfAssertions.renders(file, 0);
  }

  @Test
  void aClassOfOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("summary.pdf");
    SummaryPdf.write(oneStudent(), file);
    String text = PdfAssertions.text(file);
    assertThat(text).contains("Mean 8.5, median 8.5 of 10 points, over 1 graded student.",
        "Every student was graded.", "No failed test matched a known mistake.");
    PdfAssertions.renders(file, 0);
  }

  @Test
  void aThousandStudentsFitOnTheirPages(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("summary.pdf");
    SummaryPdf.write(bigClass(), file);
    String text = PdfAssertions.text(file);
    assertThat(text).contains("Students: 1000 (960 graded, 40 not graded)", "student-0975",
        "mistake-");
    assertThat(PdfAssertions.glyphsOutside(file, MARGINS, 20)).isEmpty();
    PdfAssertions.renders(file, PdfAssertions.pages(file) - 1);
  }
}
