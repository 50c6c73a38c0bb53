package org.mlgrade.grader.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mlgrade.grader.report.ClassSummary.QuestionInfo;
import org.mlgrade.grader.report.ClassSummary.StudentLine;

/**
 * The instructor's class summary PDF: the total's histogram, per-question mean, median and
 * histogram, the most frequent known mistakes per question, the students whose runs did not
 * complete (did not compile, timed out, crashed, ...), the students not graded with the reason,
 * and the isolation level. Charts are vector drawings.
 */
public final class SummaryPdf {

  /** How many known mistakes are listed per question. */
  static final int TOP_MISTAKES = 5;

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
  private static final float GAP = 16;

  private SummaryPdf() {}

  /** Writes the summary of {@code summary} to {@code file}. */
  public static void write(ClassSummary summary, Path file) throws IOException {
    List<StudentLine> graded = summary.students().stream().filter(StudentLine::graded).toList();
    try (PdfLayout pdf = new PdfLayout("Class summary: " + summary.assignment(),
        summary.assignment() + " — class summary")) {
      header(pdf, summary, graded);
      total(pdf, summary, graded);
      questions(pdf, summary, graded);
      mistakes(pdf, summary, graded);
      problems(pdf, summary);
      notGraded(pdf, summary);
      pdf.save(file);
    }
  }

  private static void header(PdfLayout pdf, ClassSummary summary, List<StudentLine> graded)
      throws IOException {
    pdf.title(summary.assignment() + " — class summary");
    pdf.paragraph("Written: " + ZonedDateTime.now(ZoneOffset.UTC).format(DATE));
    int all = summary.students().size();
    pdf.paragraph("Students: " + all + " (" + graded.size() + " graded, " + (all - graded.size())
        + " not graded)");
    pdf.paragraph("Isolation: " + summary.isolation());
  }

  private static void total(PdfLayout pdf, ClassSummary summary, List<StudentLine> graded)
      throws IOException {
    pdf.heading("Total");
    ScoreStats stats = ScoreStats.of(graded.stream().map(StudentLine::total).toList(),
        summary.maxTotal());
    pdf.paragraph(describe(stats));
    pdf.space(4);
    float height = 170;
    float top = pdf.reserve(height);
    HistogramChart.draw(pdf, stats, "Total points of the graded students", PdfLayout.MARGIN,
        top, pdf.width(), height);
  }

  private static void questions(PdfLayout pdf, ClassSummary summary, List<StudentLine> graded)
      throws IOException {
    if (summary.questions().isEmpty()) {
      return;
    }
    pdf.heading("Questions");
    List<List<String>> rows = new ArrayList<>();
    List<ScoreStats> all = new ArrayList<>();
    for (QuestionInfo question : summary.questions()) {
      List<Double> scores = graded.stream()
          .map(s -> s.questionScores().getOrDefault(question.id(), 0.0)).toList();
      ScoreStats stats = ScoreStats.of(scores, question.maxScore());
      all.add(stats);
      long full = scores.stream().filter(s -> s >= question.maxScore()).count();
      rows.add(List.of(question.id(), question.title(), Tables.points(question.maxScore()),
          number(stats.mean()), number(stats.median()),
          graded.isEmpty() ? "—" : full + " (" + share(full, graded.size()) + ")"));
    }
    pdf.table(0, new float[] {2f, 3.6f, 0.9f, 1f, 1f, 1.5f},
        List.of("Question", "Title", "Points", "Mean", "Median", "Full marks"), rows, 8.5f);
    if (graded.isEmpty()) {
      return;
    }
    float width = (pdf.width() - GAP) / 2;
    float height = 125;
    List<QuestionInfo> questions = summary.questions();
    for (int i = 0; i < questions.size(); i += 2) {
      float top = pdf.reserve(height + 8);
      for (int j = i; j < Math.min(i + 2, questions.size()); j++) {
        QuestionInfo question = questions.get(j);
        float x = PdfLayout.MARGIN + (j - i) * (width + GAP);
        HistogramChart.draw(pdf, all.get(j), question.id() + " — " + question.title(), x, top,
            width, height);
      }
    }
  }

  private static void mistakes(PdfLayout pdf, ClassSummary summary, List<StudentLine> graded)
      throws IOException {
    pdf.heading("Most frequent known mistakes");
    List<List<String>> rows = new ArrayList<>();
    for (QuestionInfo question : summary.questions()) {
      Map<String, Integer> students = new TreeMap<>();
      for (StudentLine student : graded) {
        Set<String> named = new HashSet<>(student.mistakes().getOrDefault(question.id(),
            List.of()));
        named.forEach(id -> students.merge(id, 1, Integer::sum));
      }
      students.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
              .thenComparing(Map.Entry.comparingByKey()))
          .limit(TOP_MISTAKES)
          .forEach(e -> rows.add(List.of(question.id(), e.getKey(), String.valueOf(e.getValue()),
              share(e.getValue(), graded.size()))));
    }
    if (rows.isEmpty()) {
      pdf.paragraph("No failed test matched a known mistake.");
      return;
    }
    pdf.paragraph("Students whose answers to a question matched the mistake in at least one "
        + "test; the share is of the " + graded.size() + " graded students.",
        pdf.fonts().regular, 9, 0, PdfLayout.MUTED);
    pdf.space(2);
    pdf.table(0, new float[] {2.2f, 4.5f, 1.1f, 1.1f},
        List.of("Question", "Known mistake", "Students", "Share"), rows, 8.5f);
  }

  private static void problems(PdfLayout pdf, ClassSummary summary) throws IOException {
    Map<String, List<String>> byProblem = new LinkedHashMap<>();
    for (StudentLine student : summary.students()) {
      for (String problem : student.problems()) {
        byProblem.computeIfAbsent(problem, p -> new ArrayList<>()).add(label(student));
      }
    }
    pdf.heading("Runs that did not complete");
    if (byProblem.isEmpty()) {
      pdf.paragraph("Every graded run compiled and finished without a timeout or crash.");
      return;
    }
    List<Map.Entry<String, List<String>>> entries = new ArrayList<>(byProblem.entrySet());
    entries.sort(Comparator.comparing((Map.Entry<String, List<String>> e) -> -e.getValue().size())
        .thenComparing(Map.Entry::getKey));
    for (Map.Entry<String, List<String>> entry : entries) {
      int n = entry.getValue().size();
      pdf.subheading(entry.getKey() + " — " + n + " student" + (n == 1 ? "" : "s"),
          PdfLayout.BAD);
      pdf.paragraph(String.join(", ", entry.getValue()), pdf.fonts().regular, 9, 0,
          PdfLayout.TEXT);
    }
  }

  private static void notGraded(PdfLayout pdf, ClassSummary summary) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    for (StudentLine student : summary.students()) {
      if (!student.graded()) {
        rows.add(List.of(label(student),
            student.status().replaceFirst("^not graded:\\s*", "")));
      }
    }
    pdf.heading("Not graded");
    if (rows.isEmpty()) {
      pdf.paragraph("Every student was graded.");
      return;
    }
    pdf.paragraph("The grader itself failed for these students; they were not given a score "
        + "and are graded again on the next run.", pdf.fonts().regular, 9, 0, PdfLayout.MUTED);
    pdf.space(2);
    pdf.table(0, new float[] {3f, 7f}, List.of("Student", "Reason"), rows, 8.5f);
  }

  private static String describe(ScoreStats stats) {
    if (stats.count() == 0) {
      return "No student was graded.";
    }
    return "Mean " + number(stats.mean()) + ", median " + number(stats.median()) + " of "
        + Tables.points(stats.max()) + " points, over " + stats.count() + " graded student"
        + (stats.count() == 1 ? "" : "s") + ".";
  }

  private static String label(StudentLine student) {
    return student.name().isBlank() ? student.id() : student.id() + " (" + student.name() + ")";
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "—" : Tables.points(Math.round(value * 100) / 100.0);
  }

  private static String share(long count, int of) {
    return of == 0 ? "—" : Math.round(100.0 * count / of) + "%";
  }
}
