package org.mlgrade.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.batch.JournalLine.StudentEntry;

class GradebookTest {

  @TempDir Path dir;

  private static StudentEntry graded(String id, String name, double q1, double q2) {
    return new StudentEntry(id, name, id + "@example.edu", true, "graded", q1 + q2,
        Map.of("q1", q1, "q2", q2), Map.of(), List.of(), "BUBBLEWRAP");
  }

  @Test
  void oneRowPerStudentSortedByIdWithAColumnPerQuestion() throws Exception {
    Path file = dir.resolve("grades.csv");
    Gradebook.write(file, FakeClass.HEADER, List.of(
        graded("carol", "Carol", 6, 2.0 / 3),
        StudentEntry.notGraded(new Student("bob", null, "Bob", "bob@example.edu"),
            "the grader failed: IllegalStateException: no sandbox"),
        graded("alice", "Lovelace, Ada", 6, 4.5)));

    // Written by hand from the rows above: sorted ids; 2/3 rounded to 6 places; 6 + 2/3 too;
    // only a field with a comma, quote or line break is quoted (RFC 4180); a student not
    // graded has empty points.
    assertThat(Files.readString(file)).isEqualTo("""
        id,name,email,q1,q2,total,status
        alice,"Lovelace, Ada",alice@example.edu,6,4.5,10.5,graded
        bob,Bob,bob@example.edu,,,,not graded: the grader failed: IllegalStateException: no sandbox
        carol,Carol,carol@example.edu,6,0.666667,6.666667,graded
        """);
  }

  @Test
  void aSpreadsheetReadsItBack() throws Exception {
    Path file = dir.resolve("grades.csv");
    Gradebook.write(file, FakeClass.HEADER, List.of(
        graded("x", "Quote \"Q\" Person\nsecond line", 1, 2)));
    CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    try (MappingIterator<List<String>> rows = csv.readerFor(List.class).readValues(file.toFile())) {
      List<List<String>> all = rows.readAll();
      assertThat(all).hasSize(2);
      assertThat(all.get(1)).containsExactly("x", "Quote \"Q\" Person\nsecond line",
          "x@example.edu", "1", "2", "3", "graded");
    }
  }

  @Test
  void aNameThatASpreadsheetWouldRunAsAFormulaIsDefused() throws Exception {
    Path file = dir.resolve("grades.csv");
    Gradebook.write(file, FakeClass.HEADER, List.of(
        graded("=HYPERLINK(\"http://x\")", "+SUM(A1)", 1, 2),
        graded("plain", "-dash", 1, 2)));
    // OWASP CSV injection: a cell starting with = + - @ gets a leading apostrophe; points and
    // ordinary text are untouched.
    assertThat(Files.readString(file)).isEqualTo("""
        id,name,email,q1,q2,total,status
        "'=HYPERLINK(""http://x"")",'+SUM(A1),"'=HYPERLINK(""http://x"")@example.edu",1,2,3,graded
        plain,'-dash,plain@example.edu,1,2,3,graded
        """);
  }

  @Test
  void pointsArePlainDecimals() {
    assertThat(Gradebook.points(12.0)).isEqualTo("12");
    assertThat(Gradebook.points(0.0)).isEqualTo("0");
    assertThat(Gradebook.points(-0.0)).isEqualTo("0");
    assertThat(Gradebook.points(0.1 + 0.2)).isEqualTo("0.3");
    assertThat(Gradebook.points(1e-9)).isEqualTo("0");
    assertThat(Gradebook.points(100)).isEqualTo("100");
  }
}
