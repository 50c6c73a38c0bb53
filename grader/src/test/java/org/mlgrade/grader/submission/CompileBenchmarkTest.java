package org.mlgrade.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prints cold and warm compile times; asserts only that the benchmark compiled. */
class CompileBenchmarkTest {

  @TempDir
  Path temp;

  @Test
  void printsColdAndWarmCompileTimes() {
    String timings = CompileBenchmark.run(temp, Fixtures.compileApi(temp), 5);

    System.out.println(timings);
    assertThat(timings).contains("warm (n=5)");
  }
}
