package org.mlgrade.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.sandbox.ChildClasspath;

/**
 * The compiler JVM's jar and class-data archive: what they hold, that a compiler JVM started the
 * way the grader starts it (in the jar's folder, naming it relatively) loads its classes from the
 * archive, and that a second preparation finds both kept.
 */
@Tag("e2e")
class CompilerArchiveTest {

  @TempDir static Path temp;

  private static Path api;
  private static CompilerArchive prepared;
  private static Optional<Path> archive;

  @BeforeAll
  static void prepare() throws IOException {
    api = ChildClasspath.materializeApi(temp.resolve("api"));
    prepared =
        CompilerArchive.prepare(
            Files.createDirectories(temp.resolve("first")),
            api,
            SubmissionCompiler.DEFAULT_HEAP_MEGABYTES);
    archive = prepared.archive().join();
  }

  @Test
  void theJarHoldsTheCompilerPackageAlone() throws IOException {
    try (JarFile jar = new JarFile(prepared.dir().resolve(CompilerArchive.JAR).toFile())) {
      List<String> names = Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
      assertThat(names)
          .contains("org/mlgrade/grader/submission/CompilerWorker.class")
          .allSatisfy(
              name -> assertThat(name).matches("org/mlgrade/grader/submission/[^/]+\\.class"));
    }
  }

  @Test
  void theArchiveHoldsJavacAndNamesNoReferenceOrJudgeClass() throws IOException {
    assertThat(archive).isPresent();
    String bytes = new String(Files.readAllBytes(archive.get()), StandardCharsets.ISO_8859_1);
    assertThat(bytes).contains("org/mlgrade/grader/submission/JavacRounds", "com/sun/tools/javac/");
    assertThat(bytes)
        .doesNotContain(
            "org/mlgrade/reference/", "org/mlgrade/grader/judge/", "org/mlgrade/grader/rubric/");
  }

  @Test
  void aCompilerJvmStartedAsTheGraderStartsItReadsItsClassesFromTheArchive() throws Exception {
    List<String> command =
        new ArrayList<>(
            CompilerJvm.command(api, SubmissionCompiler.DEFAULT_HEAP_MEGABYTES, prepared.flags()));
    assertThat(command).contains("-XX:SharedArchiveFile=" + CompilerArchive.FILE);
    command.add(1, "-Xlog:class+load=info:file=" + temp.resolve("classes.log"));
    Process process = CompilerJvm.builder(command, prepared.dir()).start();
    assertThat(process.getInputStream().read()).as("ready").isEqualTo(CompileWire.READY);
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    String log = Files.readString(temp.resolve("classes.log"));
    assertThat(log)
        .containsPattern(
            "org\\.mlgrade\\.grader\\.submission\\.CompilerWorker source: shared objects file")
        .containsPattern("com\\.sun\\.tools\\.javac\\.main\\.JavaCompiler source: shared objects");
  }

  @Test
  void aSecondPreparationFindsTheJarAndArchiveKept() throws IOException {
    CompilerArchive again =
        CompilerArchive.prepare(
            Files.createDirectories(temp.resolve("second")),
            api,
            SubmissionCompiler.DEFAULT_HEAP_MEGABYTES);
    // Kept in the cache by the first (the home folder here is the grader's own): ready at once.
    assertThat(again.archive()).isCompleted();
    assertThat(again.archive().join()).isPresent();
    assertThat(
            Files.mismatch(
                again.dir().resolve(CompilerArchive.JAR),
                prepared.dir().resolve(CompilerArchive.JAR)))
        .isEqualTo(-1);
  }
}
