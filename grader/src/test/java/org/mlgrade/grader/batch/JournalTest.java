package org.mlgrade.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.batch.JournalLine.Run;
import org.mlgrade.grader.batch.JournalLine.StudentEntry;

class JournalTest {

  @TempDir Path dir;

  private static StudentEntry graded(String id, double total) {
    return new StudentEntry(
        id,
        "Name " + id,
        id + "@example.edu",
        true,
        "graded",
        total,
        Map.of("q1", total / 2, "q2", total / 2),
        Map.of("q1", List.of("m-q1")),
        List.of("timed out"),
        "BUBBLEWRAP");
  }

  private static StudentEntry notGraded(String id) {
    return StudentEntry.notGraded(new Student(id, null, "", ""), "the grader failed: boom");
  }

  @Test
  void whatIsAppendedIsReadBackWithTheLastEntryOfAStudentWinning() throws Exception {
    try (Journal journal = Journal.open(dir, FakeClass.HEADER, false)) {
      journal.append(new Run("1/1", List.of("a", "b")));
      journal.append(notGraded("a"));
      journal.append(graded("b", 12));
      journal.append(graded("a", 7.5));
    }
    Journal.Contents contents = Journal.read(dir.resolve(Journal.FILE));
    assertThat(contents.header()).contains(FakeClass.HEADER);
    assertThat(contents.runs()).containsExactly(new Run("1/1", List.of("a", "b")));
    assertThat(contents.students()).containsOnlyKeys("a", "b");
    assertThat(contents.students().get("a")).isEqualTo(graded("a", 7.5));
    assertThat(contents.done()).containsExactly("a", "b");
    assertThat(contents.tornBytes()).isZero();
  }

  @Test
  void aStudentStartedAndNotFinishedBeforeTheNextRunOrTheEndIsADeathOfTheProcess()
      throws Exception {
    try (Journal journal = Journal.open(dir, FakeClass.HEADER, false)) {
      journal.append(new Run("1/1", List.of("a", "b", "c")));
      journal.append(new JournalLine.Started("a"));
      journal.append(new JournalLine.Started("b"));
      journal.append(graded("a", 12)); // b in flight when the first run died
      journal.append(new Run("1/1", List.of("a", "b", "c")));
      journal.append(new JournalLine.Started("c"));
      journal.append(notGraded("c")); // finished, though not graded: no death
      journal.append(new JournalLine.Started("b")); // in flight when the second run died
    }
    Journal.Contents contents = Journal.read(dir.resolve(Journal.FILE));
    assertThat(contents.diedWhileGrading("a")).isZero();
    assertThat(contents.diedWhileGrading("b")).isEqualTo(2);
    assertThat(contents.diedWhileGrading("c")).isZero();
    assertThat(contents.students()).containsOnlyKeys("a", "c");
  }

  @Test
  void aNotGradedStudentIsNotDone() throws Exception {
    try (Journal journal = Journal.open(dir, FakeClass.HEADER, false)) {
      journal.append(graded("a", 12));
      journal.append(notGraded("b"));
    }
    assertThat(Journal.read(dir.resolve(Journal.FILE)).done()).containsExactly("a");
  }

  @Test
  void eachLineIsOnDiskWhenAppendReturnsNotWhenTheJournalCloses() throws Exception {
    try (Journal journal = Journal.open(dir, FakeClass.HEADER, false)) {
      journal.append(graded("a", 12));
      // Read by another file handle while the journal is still open: nothing is buffered in
      // this process (append writes through a FileChannel and forces it).
      assertThat(Journal.read(dir.resolve(Journal.FILE)).done()).containsExactly("a");
      journal.append(graded("b", 3));
      assertThat(Journal.read(dir.resolve(Journal.FILE)).done()).containsExactly("a", "b");
    }
  }

  @Test
  void aTornLastLineIsIgnoredAndCutOffBeforeTheNextAppend() throws Exception {
    try (Journal journal = Journal.open(dir, FakeClass.HEADER, false)) {
      journal.append(graded("a", 12));
    }
    Path file = dir.resolve(Journal.FILE);
    long whole = Files.size(file);
    // What a kill -9 in the middle of a write leaves: part of a line, no newline.
    String torn = "{\"type\":\"student\",\"id\":\"b\",\"name\":\"";
    Files.writeString(file, torn, StandardOpenOption.APPEND);

    Journal.Contents contents = Journal.read(file);
    assertThat(contents.done()).containsExactly("a");
    assertThat(contents.validBytes()).isEqualTo(whole);
    assertThat(contents.tornBytes()).isEqualTo(torn.getBytes(StandardCharsets.UTF_8).length);

    try (Journal journal = Journal.open(dir, FakeClass.HEADER, false)) {
      assertThat(journal.contents().done()).containsExactly("a");
      journal.append(graded("b", 6));
    }
    assertThat(Files.readString(file)).doesNotContain(torn + "{");
    assertThat(Journal.read(file).done()).containsExactly("a", "b");
    assertThat(Journal.read(file).tornBytes()).isZero();
  }

  @Test
  void aCompleteLineThatIsNotJsonIsAnErrorWithItsLineNumber() throws Exception {
    try (Journal journal = Journal.open(dir, FakeClass.HEADER, false)) {
      journal.append(graded("a", 12));
    }
    Path file = dir.resolve(Journal.FILE);
    Files.writeString(file, "garbage\n", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> Journal.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(Journal.FILE + ":3: not a journal line");
  }

  @Test
  void aJournalTornInsideItsHeaderStartsAfresh() throws Exception {
    Files.writeString(dir.resolve(Journal.FILE), "{\"type\":\"hea");
    try (Journal journal = Journal.open(dir, FakeClass.HEADER, false)) {
      assertThat(journal.contents().header()).isEmpty();
      journal.append(graded("a", 1));
    }
    assertThat(Journal.read(dir.resolve(Journal.FILE)).header()).contains(FakeClass.HEADER);
  }

  @Test
  void resumingWithAnotherRubricIsRefusedUnlessRegrading() throws Exception {
    try (Journal journal = Journal.open(dir, FakeClass.HEADER, false)) {
      journal.append(graded("a", 12));
    }
    assertThatThrownBy(() -> Journal.open(dir, FakeClass.header("ffff9999"), false))
        .isInstanceOf(Journal.RubricChanged.class)
        .hasMessageContaining("another rubric")
        .hasMessageContaining("--regrade");
    try (Journal journal = Journal.open(dir, FakeClass.header("ffff9999"), true)) {
      assertThat(journal.contents().done()).isEmpty();
    }
    Journal.Contents after = Journal.read(dir.resolve(Journal.FILE));
    assertThat(after.header().orElseThrow().rubricSha256()).isEqualTo("ffff9999");
    assertThat(after.students()).isEmpty();
  }

  @Test
  void theSameRubricResumes() throws Exception {
    try (Journal journal = Journal.open(dir, FakeClass.HEADER, false)) {
      journal.append(graded("a", 12));
    }
    try (Journal journal = Journal.open(dir, FakeClass.HEADER, false)) {
      assertThat(journal.contents().done()).containsExactly("a");
    }
  }
}
