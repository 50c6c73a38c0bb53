package org.mlgrade.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceCollectorTest {

  private static final SourceLimits SMALL = new SourceLimits(3, 1000, 2500, 50);

  @TempDir
  Path temp;

  private SourceCollector.Collected collect(Path submission) throws IOException {
    return new SourceCollector(SMALL).collect(submission,
        Files.createDirectories(temp.resolve("src")));
  }

  private static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) ' ');
    return bytes;
  }

  @Test
  void aZipBombEntryIsSkippedWithoutFillingTheDisk() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("Bomb.java", bytes(50 << 20)); // 50 MiB of spaces, a few KiB compressed
    entries.put("Good.java", Fixtures.classSource("Good"));
    Path zip = Fixtures.zip(temp.resolve("bomb.zip"), entries);
    assertThat(Files.size(zip)).isLessThan(1 << 20);

    SourceCollector.Collected collected = collect(zip);

    assertThat(collected.sources()).containsExactly("Good.java");
    assertThat(collected.problems()).containsExactly(
        "Bomb.java was skipped: it is larger than 1000 bytes");
    assertThat(temp.resolve("src/Bomb.java")).doesNotExist();
  }

  @Test
  void onlyTheFirstFilesUpToTheLimitAreKept() throws IOException {
    Path submission = Files.createDirectories(temp.resolve("submission"));
    for (String name : new String[] {"A", "B", "C", "D", "E"}) {
      Files.write(submission.resolve(name + ".java"), Fixtures.classSource(name));
    }

    SourceCollector.Collected collected = collect(submission);

    assertThat(collected.sources()).hasSize(3);
    assertThat(collected.problems()).containsExactly(
        "only 3 .java files were kept; 2 more were ignored");
  }

  @Test
  void readingStopsAtTheTotalSize() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("A.java", bytes(900));
    entries.put("B.java", bytes(900));
    entries.put("C.java", bytes(900));
    Path zip = Fixtures.zip(temp.resolve("big.zip"), entries);

    SourceCollector.Collected collected = collect(zip);

    assertThat(collected.sources()).containsExactly("A.java", "B.java");
    assertThat(collected.problems()).containsExactly("C.java and the files after it were"
        + " skipped: the submission's sources are larger than 2500 bytes in all");
  }

  @Test
  void tooManyEntriesStopTheWalk() throws IOException {
    Path submission = Files.createDirectories(temp.resolve("submission"));
    for (int i = 0; i < 100; i++) {
      Files.writeString(submission.resolve("note" + i + ".txt"), "x");
    }

    SourceCollector.Collected collected = collect(submission);

    assertThat(collected.sources()).isEmpty();
    assertThat(collected.problems()).containsExactly(
        "the submission has more than 50 files and folders; the rest were ignored");
  }

  @Test
  void aFifoIsNotOpened() throws Exception {
    Path submission = Files.createDirectories(temp.resolve("submission"));
    Files.write(submission.resolve("Good.java"), Fixtures.classSource("Good"));
    Process mkfifo = new ProcessBuilder("mkfifo", submission.resolve("Pipe.java").toString())
        .start();
    Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");

    SourceCollector.Collected collected = collect(submission);

    assertThat(collected.sources()).containsExactly("Good.java");
    assertThat(collected.problems()).containsExactly(
        "Pipe.java was skipped: it is not a regular file");
  }

  @Test
  void moduleInfoIsLeftOut() throws IOException {
    Path submission = Files.createDirectories(temp.resolve("submission"));
    Files.writeString(submission.resolve("module-info.java"), "module student {}");
    Files.write(submission.resolve("Good.java"), Fixtures.classSource("Good"));

    SourceCollector.Collected collected = collect(submission);

    assertThat(collected.sources()).containsExactly("Good.java");
    assertThat(collected.problems()).containsExactly(
        "module-info.java was ignored: submissions are compiled without modules");
  }

  @ParameterizedTest
  @CsvSource({"A.java, A.java", "./a//b/./C.java, a/b/C.java", "hw3/src/Main.java,"
      + " hw3/src/Main.java"})
  void safeNamesAreNormalised(String name, String expected) {
    assertThat(SourceCollector.safeRelative(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../A.java", "a/../../A.java", "a/..", "/etc/A.java", "C:/A.java",
      "C:A.java", "a\\..\\A.java", "a/\u0000/A.java", "", "./", "//"})
  void unsafeNamesAreRefused(String name) {
    assertThat(SourceCollector.safeRelative(name)).isNull();
  }
}
