package org.mlgrade.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * javac is student input: a compile that takes too much time or memory is stopped by killing the
 * compiler JVM, scored as a submission with nothing compiled and a reason, and the next student
 * compiles normally with the same {@link SubmissionCompiler} (in a new compiler JVM).
 *
 * <p>The sources: {@code submission/exponential} nests generic calls in conditionals (javac's
 * inference work grows exponentially with the nesting: measured with JDK 17's javac, 6 levels 2.3
 * s, 8 levels 8 s, 10 levels 20 s of CPU; it has 16); {@code submission/constants} doubles a
 * 32-character string constant 30 times (1218 bytes of source; javac folds it into 2^35 characters
 * before it could say "constant string too long": a plain {@code javac -J-Xmx128m} ends with
 * "OutOfMemoryError: Java heap space").
 */
@Tag("e2e")
class CompileBudgetTest {

  @Test
  @Timeout(300)
  void anOverBudgetCompileIsStoppedAndTheNextStudentCompilesNormally(@TempDir Path temp) {
    try (SubmissionCompiler compiler =
        new SubmissionCompiler(
            Fixtures.compileApi(temp.resolve("api")),
            SourceLimits.DEFAULT,
            Duration.ofSeconds(3),
            SubmissionCompiler.DEFAULT_HEAP_MEGABYTES)) {
      CompiledSubmission slow =
          compiler.compile(Fixtures.resource("exponential"), temp.resolve("slow"), Set.of());
      List<ProcessHandle> workersAfterKill = compilerJvms();
      CompiledSubmission next =
          compiler.compile(Fixtures.resource("onebroken"), temp.resolve("next"), Set.of());

      assertThat(slow.excluded()).containsExactly("Exponential.java");
      assertThat(slow.problems())
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith(
                          "compilation took too long: it was stopped after 3 s of compiler time"));
      assertThat(slow.classesDir()).isEmptyDirectory();
      // The over-budget JVM is gone (not left computing, as an abandoned thread would be): only
      // its replacement runs.
      assertThat(workersAfterKill).hasSize(1);
      assertNextCompiledNormally(next);
    }
  }

  @Test
  @Timeout(300)
  void aCompileThatRunsOutOfHeapIsStoppedAndTheNextStudentCompilesNormally(@TempDir Path temp) {
    try (SubmissionCompiler compiler =
        new SubmissionCompiler(
            Fixtures.compileApi(temp.resolve("api")),
            SourceLimits.DEFAULT,
            Duration.ofSeconds(120),
            64)) {
      CompiledSubmission big =
          compiler.compile(Fixtures.resource("constants"), temp.resolve("big"), Set.of());
      CompiledSubmission next =
          compiler.compile(Fixtures.resource("onebroken"), temp.resolve("next"), Set.of());

      assertThat(big.excluded()).containsExactly("Big.java");
      assertThat(big.problems())
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith(
                          "compilation used too much memory: the compiler was stopped at its limit of 64 MiB"));
      assertThat(big.classesDir()).isEmptyDirectory();
      assertNextCompiledNormally(next);
    }
  }

  /** {@code onebroken}: Broken.java has a syntax error, Good.java compiles (as in-process). */
  private static void assertNextCompiledNormally(CompiledSubmission next) {
    assertThat(next.problems()).isEmpty();
    assertThat(next.excluded()).containsExactly("Broken.java");
    assertThat(next.messages())
        .anySatisfy(
            m -> {
              assertThat(m.file()).isEqualTo("Broken.java");
              assertThat(m.error()).isTrue();
            });
    assertThat(next.classesDir().resolve("Good.class")).isRegularFile();
  }

  private static List<ProcessHandle> compilerJvms() {
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info()
                    .arguments()
                    .map(List::of)
                    .orElse(List.of())
                    .contains(CompilerWorker.class.getName()))
        .toList();
  }
}
