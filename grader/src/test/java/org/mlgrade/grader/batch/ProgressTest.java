package org.mlgrade.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlgrade.grader.batch.JournalLine.StudentEntry;

class ProgressTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private static StudentEntry graded(String id) {
    return new StudentEntry(id, "", "", true, "graded", 10.5, Map.of(), Map.of(), List.of(),
        "BUBBLEWRAP");
  }

  @Test
  void linesPrintOneLinePerStudent() {
    Progress progress = Progress.lines(new PrintWriter(out), new PrintWriter(err));
    progress.start(2);
    progress.finished(graded("alice"));
    progress.finished(StudentEntry.notGraded(new Student("bob", null, "", ""), "boom"));
    progress.end();
    assertThat(out.toString()).isEqualTo(String.format(
        "[1/2] alice: 10.5 points, graded%n[2/2] bob: not graded: boom%n"));
  }

  @Test
  void liveRedrawsOneLineWithDoneTotalRateAndEta() {
    Progress progress = Progress.live(new PrintWriter(out), new PrintWriter(err));
    progress.start(3);
    progress.finished(graded("alice"));
    progress.warn("mlgrade batch: bob not graded");
    progress.end();
    String screen = out.toString();
    assertThat(screen).doesNotContain("\n" + "1/3").contains("\r1/3 graded · ")
        .contains(" submissions/s · ETA ").contains("alice: 10.5 points").endsWith("\n");
    assertThat(err.toString()).isEqualTo(String.format("mlgrade batch: bob not graded%n"));
  }

  @Test
  void quietPrintsWarningsOnly() {
    Progress progress = Progress.quiet(new PrintWriter(err));
    progress.start(1);
    progress.finished(graded("alice"));
    progress.warn("a warning");
    progress.end();
    assertThat(err.toString()).isEqualTo(String.format("a warning%n"));
  }
}
