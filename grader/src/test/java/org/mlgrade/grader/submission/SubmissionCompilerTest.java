package org.mlgrade.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler as the grader uses it, through its compiler JVM (hence {@code e2e}): sources in any
 * layout, files left out, hostile inputs, and messages identical to in-process javac's.
 */
@Tag("e2e")
class SubmissionCompilerTest {

  @TempDir static Path shared;

  private static SubmissionCompiler compiler;

  @TempDir Path temp;

  @BeforeAll
  static void compileApi() {
    compiler = new SubmissionCompiler(Fixtures.compileApi(shared));
  }

  @AfterAll
  static void stopTheCompilerJvm() {
    compiler.close();
  }

  @Test
  void messagesFindingsAndFilesLeftOutAreThoseOfInProcessJavac() {
    InProcessCompiler inProcess = new InProcessCompiler(shared.resolve("api"));
    for (String fixture : List.of("onebroken", "dependent", "multipackage", "rules/no-exit")) {
      CompiledSubmission viaJvm =
          compiler.compile(
              Fixtures.resource(fixture),
              temp.resolve("jvm-" + fixture.replace('/', '-')),
              StaticRule.ids());
      CompiledSubmission before =
          inProcess.compile(
              Fixtures.resource(fixture),
              temp.resolve("in-" + fixture.replace('/', '-')),
              StaticRule.ids());

      assertThat(viaJvm.messages()).as(fixture).containsExactlyElementsOf(before.messages());
      assertThat(viaJvm.findings()).as(fixture).containsExactlyElementsOf(before.findings());
      assertThat(viaJvm.excluded()).as(fixture).containsExactlyElementsOf(before.excluded());
      assertThat(viaJvm.problems()).as(fixture).containsExactlyElementsOf(before.problems());
      assertThat(Fixtures.classFiles(viaJvm))
          .as(fixture)
          .containsExactlyElementsOf(Fixtures.classFiles(before));
    }
    assertThat(
            compiler
                .compile(Fixtures.resource("onebroken"), temp.resolve("again"), Set.of())
                .messages())
        .anySatisfy(m -> assertThat(m.toString()).startsWith("Broken.java:"));
  }

  private CompiledSubmission compile(Path submission) {
    return compiler.compile(submission, temp.resolve("work"), Set.of());
  }

  @Test
  void multiPackageSubmissionInAnyLayoutCompiles() {
    CompiledSubmission compiled = compile(Fixtures.resource("multipackage"));

    assertThat(compiled.sources())
        .containsExactly(
            "Notes.java", "helpers/MathUtil.java", "src/main/java/com/alice/hw/MyScaler.java");
    assertThat(compiled.excluded()).isEmpty();
    assertThat(compiled.messages()).noneMatch(CompileMessage::error);
    assertThat(compiled.problems()).isEmpty();
    assertThat(compiled.classesDir()).isEqualTo(temp.resolve("work/classes").toAbsolutePath());
    assertThat(Fixtures.classFiles(compiled))
        .containsExactly(
            "Notes.class", "com/alice/hw/MyScaler.class", "com/alice/util/MathUtil.class");
  }

  @Test
  void oneFileWithASyntaxErrorIsLeftOutAndTheOthersCompile() {
    CompiledSubmission compiled = compile(Fixtures.resource("onebroken"));

    assertThat(compiled.excluded()).containsExactly("Broken.java");
    assertThat(compiled.messages())
        .filteredOn(CompileMessage::error)
        .isNotEmpty()
        .allSatisfy(
            m -> {
              assertThat(m.file()).isEqualTo("Broken.java");
              assertThat(m.line()).isEqualTo(3);
              assertThat(m.column()).isPositive();
              assertThat(m.message()).contains("';' expected");
            });
    assertThat(Fixtures.classFiles(compiled)).containsExactly("Good.class", "Other.class");
  }

  @Test
  void filesThatDependOnABrokenFileAreLeftOutToo() {
    CompiledSubmission compiled = compile(Fixtures.resource("dependent"));

    assertThat(compiled.excluded())
        .containsExactly("Broken.java", "UsesBroken.java", "UsesUsesBroken.java");
    assertThat(compiled.messages())
        .anySatisfy(
            m -> {
              assertThat(m.file()).isEqualTo("UsesBroken.java");
              assertThat(m.line()).isEqualTo(3);
              assertThat(m.error()).isTrue();
              assertThat(m.message()).contains("cannot find symbol");
            });
    assertThat(Fixtures.classFiles(compiled)).containsExactly("Independent.class");
  }

  @Test
  void annotationProcessorShippedWithTheSubmissionNeverRuns() throws Exception {
    Path marker = temp.resolve("processor-ran.txt");
    String processor =
        """
        package evil;

        import java.nio.file.Files;
        import java.nio.file.Path;
        import java.util.Set;
        import javax.annotation.processing.AbstractProcessor;
        import javax.annotation.processing.ProcessingEnvironment;
        import javax.annotation.processing.RoundEnvironment;
        import javax.annotation.processing.SupportedAnnotationTypes;
        import javax.lang.model.SourceVersion;
        import javax.lang.model.element.TypeElement;

        @SupportedAnnotationTypes("*")
        public class MarkerProcessor extends AbstractProcessor {
          @Override
          public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            try {
              Files.writeString(Path.of("MARKER"), "ran");
            } catch (Exception e) {
              throw new RuntimeException(e);
            }
          }

          @Override
          public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
          }

          @Override
          public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return false;
          }
        }
        """
            .replace("MARKER", marker.toString().replace("\\", "\\\\"));
    // The submission ships the processor's source, its compiled classes and the service file.
    Path submission = temp.resolve("submission");
    Files.createDirectories(submission.resolve("evil"));
    Files.createDirectories(submission.resolve("META-INF/services"));
    Files.writeString(submission.resolve("evil/MarkerProcessor.java"), processor);
    Files.writeString(
        submission.resolve("META-INF/services/javax.annotation.processing.Processor"),
        "evil.MarkerProcessor\n");
    Files.write(submission.resolve("Good.java"), Fixtures.classSource("Good"));
    Fixtures.javac(
        submission,
        List.of("-proc:none"),
        List.of(submission.resolve("evil/MarkerProcessor.java")));
    // Worse still, the API class path holds it too: javac would find it there by default.
    Path poisonedApi = temp.resolve("poisoned-api");
    Fixtures.javac(
        poisonedApi,
        List.of("-proc:none"),
        List.of(submission.resolve("evil/MarkerProcessor.java")));
    Files.createDirectories(poisonedApi.resolve("META-INF/services"));
    Files.copy(
        submission.resolve("META-INF/services/javax.annotation.processing.Processor"),
        poisonedApi.resolve("META-INF/services/javax.annotation.processing.Processor"));
    // Plain javac with that class path runs the processor: the trap is armed.
    Fixtures.javac(
        temp.resolve("plain"),
        List.of("-cp", poisonedApi.toString()),
        List.of(submission.resolve("Good.java")));
    assertThat(marker).exists();
    Files.delete(marker);

    CompiledSubmission compiled;
    try (SubmissionCompiler poisoned = new SubmissionCompiler(poisonedApi)) {
      compiled = poisoned.compile(submission, temp.resolve("work"), Set.of());
    }

    assertThat(marker).doesNotExist();
    assertThat(compiled.excluded()).isEmpty();
    assertThat(Fixtures.classFiles(compiled)).contains("Good.class");
  }

  @Test
  void symbolicLinksInTheSubmissionAreNotFollowed() throws Exception {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.write(outside.resolve("Secret.java"), Fixtures.classSource("Secret"));
    Path submission = Files.createDirectories(temp.resolve("submission"));
    Files.write(submission.resolve("Good.java"), Fixtures.classSource("Good"));
    Files.createSymbolicLink(submission.resolve("Passwd.java"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(submission.resolve("Secret.java"), outside.resolve("Secret.java"));
    Files.createSymbolicLink(submission.resolve("linked"), outside);

    CompiledSubmission compiled = compile(submission);

    assertThat(compiled.sources()).containsExactly("Good.java");
    assertThat(Fixtures.sourcesUnder(temp.resolve("work/src")))
        .containsExactly(temp.resolve("work/src/Good.java").toAbsolutePath());
    assertThat(compiled.problems())
        .contains(
            "Passwd.java was skipped: it is a symbolic link",
            "Secret.java was skipped: it is a symbolic link");
    assertThat(compiled.excluded()).isEmpty();
    Files.delete(submission.resolve("Passwd.java")); // spares JUnit a warning when it cleans up
  }

  @Test
  void zipEntriesThatLeaveTheFolderAreRefused() throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("../evil.java", Fixtures.classSource("evil"));
    entries.put("ok/../../evil2.java", Fixtures.classSource("evil2"));
    entries.put("/tmp/evil3.java", Fixtures.classSource("evil3"));
    entries.put("C:\\evil4.java", Fixtures.classSource("evil4"));
    entries.put("ok/Good.java", Fixtures.classSource("Good"));
    Path zip = Fixtures.zip(temp.resolve("submission.zip"), entries);
    Path work = temp.resolve("deep/work");

    CompiledSubmission compiled = compiler.compile(zip, work, Set.of());

    assertThat(compiled.sources()).containsExactly("ok/Good.java");
    assertThat(compiled.problems()).hasSize(4).allMatch(p -> p.contains("was refused"));
    assertThat(compiled.problems().get(0)).contains("'../evil.java'");
    assertThat(work.resolve("evil.java")).doesNotExist();
    assertThat(work.getParent().resolve("evil.java")).doesNotExist();
    assertThat(work.getParent().resolve("evil2.java")).doesNotExist();
    assertThat(Path.of("/tmp/evil3.java")).doesNotExist();
    assertThat(Fixtures.classFiles(compiled)).containsExactly("Good.class");
  }

  @Test
  void aZipSubmissionKeepsItsFolders() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("hw/", new byte[0]);
    entries.put("hw/Good.java", Fixtures.classSource("Good"));
    entries.put("__MACOSX/hw/._Good.java", new byte[] {0, 5, 22, 7, -1});
    entries.put("hw/notes.txt", "hello".getBytes(StandardCharsets.UTF_8));

    CompiledSubmission compiled = compile(Fixtures.zip(temp.resolve("s.zip"), entries));

    assertThat(compiled.sources()).containsExactly("hw/Good.java");
    assertThat(compiled.problems()).isEmpty();
    assertThat(Fixtures.classFiles(compiled)).containsExactly("Good.class");
  }

  @Test
  void anUnreadableZipIsAProblemNotACrash() throws Exception {
    Path junk = Files.writeString(temp.resolve("submission.zip"), "this is not a zip archive");

    CompiledSubmission compiled = compile(junk);

    assertThat(compiled.sources()).isEmpty();
    assertThat(compiled.problems())
        .singleElement()
        .asString()
        .contains("could not be read as a .zip archive");
    assertThat(Fixtures.classFiles(compiled)).isEmpty();
  }

  @Test
  void aMissingSubmissionOrOneWithoutSourcesIsAProblem() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    Files.writeString(empty.resolve("Solution.class"), "junk");

    assertThat(compile(empty).problems())
        .containsExactly(
            "no .java source files were found in the submission (1 other files were ignored)");
    assertThat(
            compiler.compile(temp.resolve("nowhere"), temp.resolve("work2"), Set.of()).problems())
        .singleElement()
        .asString()
        .contains("is neither a directory");
  }

  @Test
  void binaryJunkAndHugeFilesCostOnlyThemselves() throws Exception {
    Path submission = Files.createDirectories(temp.resolve("submission"));
    Files.write(submission.resolve("Good.java"), Fixtures.classSource("Good"));
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Files.write(submission.resolve("Junk.java"), junk);
    byte[] huge = new byte[10 << 20];
    Arrays.fill(huge, (byte) ' ');
    Files.write(submission.resolve("Huge.java"), huge);

    CompiledSubmission compiled = compile(submission);

    assertThat(compiled.sources()).containsExactly("Good.java", "Junk.java");
    assertThat(compiled.excluded()).containsExactly("Junk.java");
    assertThat(compiled.problems())
        .containsExactly("Huge.java was skipped: it is larger than 1048576 bytes");
    assertThat(compiled.messages()).isNotEmpty().allMatch(m -> m.file().equals("Junk.java"));
    assertThat(Fixtures.classFiles(compiled)).containsExactly("Good.class");
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aFileThatCrashesTheCompilerCostsOnlyItself() throws Exception {
    Path submission = Files.createDirectories(temp.resolve("submission"));
    Files.write(submission.resolve("Good.java"), Fixtures.classSource("Good"));
    Files.write(submission.resolve("Other.java"), Fixtures.classSource("Other"));
    int depth = 20_000;
    Files.writeString(
        submission.resolve("Deep.java"),
        "class Deep { int x = " + "(".repeat(depth) + "1" + ")".repeat(depth) + "; }");
    CompiledSubmission[] result = new CompiledSubmission[1];
    // A small stack makes javac's recursive parser overflow for certain.
    Thread small =
        new Thread(null, () -> result[0] = compile(submission), "small-stack", 512 * 1024);
    small.start();
    small.join();

    CompiledSubmission compiled = result[0];
    assertThat(compiled.excluded()).containsExactly("Deep.java");
    assertThat(compiled.problems())
        .containsExactly(
            "the compiler crashed on Deep.java"
                + " (StackOverflowError); simplify deeply nested or very long expressions");
    assertThat(Fixtures.classFiles(compiled)).containsExactly("Good.class", "Other.class");
    assertThat(temp.resolve("work/probe")).doesNotExist();
  }

  @Test
  void aSingleJavaFileIsASubmission() throws Exception {
    Path file = Files.write(temp.resolve("Good.java"), Fixtures.classSource("Good"));

    CompiledSubmission compiled = compile(file);

    assertThat(compiled.sources()).containsExactly("Good.java");
    assertThat(Fixtures.classFiles(compiled)).containsExactly("Good.class");
  }

  @Test
  void staticFindingsComeWithTheCompiledSubmission() {
    CompiledSubmission compiled =
        compiler.compile(
            Fixtures.resource("rules/no-exit"),
            temp.resolve("work"),
            Set.of("no-exit", "no-network"));

    assertThat(compiled.findings())
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.rule()).isEqualTo("no-exit"));
    assertThat(compiled.excluded()).isEmpty();
  }

  @Test
  void anUnknownRuleIsTheCallersMistake() {
    assertThatThrownBy(
            () ->
                compiler.compile(
                    Fixtures.resource("onebroken"), temp.resolve("work"), Set.of("no-teleport")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-teleport")
        .hasMessageContaining("no-exit");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void fourThreadsCompileAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<CompiledSubmission>> futures = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String name = i % 2 == 0 ? "multipackage" : "dependent";
        Path work = temp.resolve("work-" + i);
        futures.add(
            pool.submit(
                () -> compiler.compile(Fixtures.resource(name), work, Set.of("no-threads"))));
      }
      for (int i = 0; i < futures.size(); i++) {
        CompiledSubmission compiled = futures.get(i).get();
        if (i % 2 == 0) {
          assertThat(compiled.excluded()).isEmpty();
          assertThat(Fixtures.classFiles(compiled)).hasSize(3);
        } else {
          assertThat(compiled.excluded()).hasSize(3);
          assertThat(Fixtures.classFiles(compiled)).containsExactly("Independent.class");
        }
        assertThat(compiled.problems()).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
