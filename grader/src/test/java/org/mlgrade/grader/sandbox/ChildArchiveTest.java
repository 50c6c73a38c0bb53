package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child's class path jar and its class-data archive: what they hold (the harness only: no
 * Jackson, nothing of the grader or the reference), and that a JVM started as a child is (named
 * relative to a working directory two levels down, as {@link ChildArchive#classPath} says) maps the
 * archive: with {@code -Xshare:on} a JVM that cannot map it does not start.
 */
@Tag("e2e")
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ChildArchiveTest {

  @TempDir static Path temp;
  private static ChildClasspath classpath;
  private static Optional<Path> archive;

  @BeforeAll
  static void prepare() {
    classpath = ChildClasspath.materialize(temp.resolve("classpath"));
    archive =
        ChildArchive.prepare(classpath, List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
            .join();
  }

  @Test
  void theJarHoldsTheHarnessOnlyAndNoClassOfItNamesJackson() throws IOException {
    List<String> names = new ArrayList<>();
    List<String> namingJackson = new ArrayList<>();
    try (JarFile jar = new JarFile(classpath.harness().toFile())) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        names.add(entry.getName());
        try (InputStream in = jar.getInputStream(entry)) {
          // A class that refers to another holds its name in its constant pool.
          if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)
              .contains("com/fasterxml/")) {
            namingJackson.add(entry.getName());
          }
        }
      }
    }

    assertThat(names)
        .contains(
            "org/mlgrade/harness/Harness.class",
            "org/mlgrade/harness/ValueDecoder.class",
            "org/mlgrade/harness/JsonReader.class")
        .doesNotContain("org/mlgrade/harness/Wire.class");
    assertThat(names)
        .allSatisfy(name -> assertThat(name).matches("org/mlgrade/harness/.*\\.class"));
    assertThat(namingJackson).isEmpty();
  }

  @Test
  void theArchiveIsMadeAndNamesNoGraderOrReferenceClass() throws IOException {
    assertThat(archive).isPresent();
    String bytes = new String(Files.readAllBytes(archive.get()), StandardCharsets.ISO_8859_1);

    assertThat(bytes).contains("org/mlgrade/harness/Harness");
    assertThat(bytes).contains("org/mlgrade/harness/ValueDecoder");
    assertThat(bytes)
        .doesNotContain("org/mlgrade/grader/", "org/mlgrade/reference/", "com/fasterxml/");
  }

  @Test
  void aChildWithTheArchiveMapsIt() throws Exception {
    Path work = Files.createDirectories(temp.resolve("run").resolve("work"));

    Process process =
        new ProcessBuilder(
                LaunchCommand.java().toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xshare:on",
                "-XX:SharedArchiveFile=" + archive.orElseThrow(),
                "-Xlog:class+load=info",
                "-cp",
                ChildArchive.classPath(classpath),
                "org.mlgrade.harness.Harness")
            .directory(work.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);

    // The usage error: the harness ran, its classes read from the archive, not the jar.
    assertThat(output).contains("usage: java org.mlgrade.harness.Harness");
    assertThat(output)
        .containsPattern("org\\.mlgrade\\.harness\\.Harness source: shared objects file");
    assertThat(process.exitValue()).isEqualTo(64);
  }
}
