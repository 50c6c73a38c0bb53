package org.mlgrade.grader.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlgrade grade} stopped by SIGTERM while a submission runs leaves none of its temporary
 * folders behind (a shutdown hook deletes them and kills the children).
 */
@Tag("e2e")
class SignalCleanupTest {

  @Test
  @Timeout(180)
  void sigtermRemovesTheGradersTemporaryFolders(@TempDir Path temp) throws Exception {
    Path jar = Path.of("target", "mlgrade.jar").toAbsolutePath();
    assumeTrue(Files.isRegularFile(jar), "the shaded jar is built by mvn package: " + jar);
    Path tmp = Files.createDirectory(temp.resolve("tmp"));
    try (HostileSubmissions subs = new HostileSubmissions(
        Files.createDirectories(temp.resolve("subs")), 1)) {
      Process grade = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Djava.io.tmpdir=" + tmp, "-jar", jar.toString(), "grade",
          subs.build("sleep-forever").toString(), "--rubric",
          HostileSubmissions.rubric().toString(), "--out", temp.resolve("out").toString())
          .redirectErrorStream(true).redirectOutput(temp.resolve("log").toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      // Wait until a child runs (the sandbox has a run folder), then stop the grader.
      while (!running(tmp) && grade.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(names(tmp)).as("while grading").anyMatch(n -> n.startsWith("mlgrade-sandbox-"))
          .anyMatch(n -> n.startsWith("mlgrade-work-"));

      grade.destroy(); // SIGTERM
      assertThat(grade.waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(names(tmp)).as("after SIGTERM").noneMatch(n -> n.startsWith("mlgrade-"));
    }
  }

  private static boolean running(Path tmp) throws IOException {
    for (String name : names(tmp)) {
      if (name.startsWith("mlgrade-sandbox-")
          && names(tmp.resolve(name)).stream().anyMatch(n -> n.startsWith("run-"))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }
}
