package org.mlgrade.grader.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.mlgrade.grader.batch.JournalLine.Header;
import org.mlgrade.grader.batch.JournalLine.StudentEntry;
import org.mlgrade.grader.report.ClassSummary;

/**
 * The class-wide outputs, {@code grades.csv} and {@code summary.pdf}, built from journal entries
 * alone: a resumed batch, an uninterrupted one and a merge of shards write the same files from
 * the same entries.
 */
public final class ClassOutputs {

  /** The summary's file name in the output folder. */
  public static final String SUMMARY = "summary.pdf";

  private ClassOutputs() {}

  /**
   * The gradebook's rows of one journal: each student of its last run, with the student's last
   * entry; a student without one was not reached (the batch was stopped before it).
   */
  public static List<StudentEntry> rows(Journal.Contents contents) {
    List<StudentEntry> rows = new ArrayList<>();
    List<String> roster = contents.lastRun().map(JournalLine.Run::students).orElse(List.of());
    for (String id : roster) {
      StudentEntry entry = contents.students().get(id);
      rows.add(entry != null ? entry : StudentEntry.notGraded(new Student(id, null, "", ""),
          "the batch stopped before this student; run it again"));
    }
    rows.sort((a, b) -> a.id().compareTo(b.id()));
    return rows;
  }

  /** The class summary of {@code rows} graded by {@code header}'s rubric. */
  public static ClassSummary summary(Header header, List<StudentEntry> rows) {
    TreeSet<String> levels = new TreeSet<>();
    rows.stream().filter(StudentEntry::graded).forEach(r -> levels.add(r.isolation()));
    String isolation = levels.isEmpty() ? "none (no student was graded)"
        : String.join(", ", levels);
    return new ClassSummary(header.assignment(), isolation, header.questions(), header.maxTotal(),
        rows.stream().map(StudentEntry::toSummaryLine).toList());
  }

  /**
   * Writes {@code grades.csv} and {@code summary.pdf} into {@code out}, each atomically. A
   * summary PDF that cannot be written is a warning, and leaves no older summary behind.
   *
   * @return whether both files were written
   * @throws IOException when grades.csv cannot be written
   */
  public static boolean write(Path out, Header header, List<StudentEntry> rows,
      PdfReporters pdfs, Progress progress) throws IOException {
    Durable.clearTemporaries(out);
    Durable.replace(out.resolve(Gradebook.FILE), dir -> {
      Path file = dir.resolve(Gradebook.FILE);
      Gradebook.write(file, header, rows);
      return file;
    });
    Path summary = out.resolve(SUMMARY);
    try {
      Durable.replace(summary, dir -> {
        Path file = dir.resolve(SUMMARY);
        pdfs.summary(summary(header, rows), file);
        return file;
      });
      return true;
    } catch (Exception e) {
      Files.deleteIfExists(summary);
      progress.warn("mlgrade: " + summary + " could not be written: " + BatchRunner.describe(e));
      return false;
    }
  }

  /** Mean total of the graded rows, or NaN when none is. */
  public static double mean(List<StudentEntry> rows) {
    return rows.stream().filter(StudentEntry::graded).mapToDouble(StudentEntry::total)
        .average().orElse(Double.NaN);
  }
}
