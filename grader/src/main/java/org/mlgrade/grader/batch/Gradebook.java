package org.mlgrade.grader.batch;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlgrade.grader.batch.JournalLine.Header;
import org.mlgrade.grader.batch.JournalLine.StudentEntry;
import org.mlgrade.grader.report.ClassSummary;

/**
 * {@code grades.csv}: one row per student, sorted by id, with the columns {@code id, name,
 * email}, one per question (headed by the question id, in rubric order), {@code total} and
 * {@code status}. Points are plain decimals rounded to 6 places; a student who was not graded
 * has empty points and says why in {@code status}. UTF-8, RFC 4180 quoting (Jackson's CSV
 * module), for a spreadsheet or an LMS import. A text cell that a spreadsheet would run as a
 * formula (it starts with {@code = + - @}, a tab or a carriage return: a student's name or folder
 * name is theirs to choose) is written with a leading apostrophe, OWASP's advice against CSV
 * injection.
 */
public final class Gradebook {

  /** The gradebook's file name in the output folder. */
  public static final String FILE = "grades.csv";

  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .build();

  private Gradebook() {}

  /** Writes the gradebook of {@code students} (any order) graded by {@code header}'s rubric. */
  public static void write(Path file, Header header, List<StudentEntry> students)
      throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder()
        .addColumn("id").addColumn("name").addColumn("email");
    for (ClassSummary.QuestionInfo question : header.questions()) {
      schema.addColumn(question.id());
    }
    schema.addColumn("total").addColumn("status").setUseHeader(true);
    List<StudentEntry> sorted = new ArrayList<>(students);
    sorted.sort((a, b) -> a.id().compareTo(b.id()));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        SequenceWriter rows = CSV.writer(schema.build()).writeValues(out)) {
      for (StudentEntry student : sorted) {
        List<String> row = new ArrayList<>(List.of(text(student.id()), text(student.name()),
            text(student.email())));
        for (ClassSummary.QuestionInfo question : header.questions()) {
          Double score = student.scores().get(question.id());
          row.add(student.graded() && score != null ? points(score) : "");
        }
        row.add(student.graded() ? points(student.total()) : "");
        row.add(text(student.status()));
        rows.write(row);
      }
    }
  }

  /** {@code value}, defused when a spreadsheet would read it as a formula. */
  static String text(String value) {
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  /** Points as a spreadsheet reads them: {@code 6}, {@code 4.5}, {@code 0.333333}. */
  static String points(double value) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN)
        .stripTrailingZeros();
    return rounded.signum() == 0 ? "0" : rounded.toPlainString();
  }
}
