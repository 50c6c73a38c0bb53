package org.mlgrade.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source whose compilation is exponential (nested generic calls in conditionals, see {@code
 * submission/exponential}) is stopped at the compiler's budget of CPU time and becomes a
 * submission with nothing compiled and a reason; the same compiler then compiles the next
 * submission normally.
 */
@Tag("e2e")
class CompileBudgetTest {

  @Test
  @Timeout(300)
  void anOverBudgetCompileIsStoppedAndTheNextCompilesNormally(@TempDir Path temp) {
    SubmissionCompiler compiler = new SubmissionCompiler(Fixtures.compileApi(temp.resolve("api")),
        SourceLimits.DEFAULT, Duration.ofSeconds(3));

    CompiledSubmission slow = compiler.compile(Fixtures.resource("exponential"),
        temp.resolve("slow"), Set.of());
    CompiledSubmission next = compiler.compile(Fixtures.resource("onebroken"),
        temp.resolve("next"), Set.of());

    assertThat(slow.excluded()).containsExactly("Exponential.java");
    assertThat(slow.problems()).anySatisfy(p -> assertThat(p)
        .startsWith("compilation took too long: it was stopped after 3 s of compiler time"));
    assertThat(slow.classesDir()).isEmptyDirectory();
    assertThat(next.problems()).noneMatch(p -> p.contains("too long"));
    assertThat(next.excluded()).containsExactly("Broken.java");
    assertThat(next.classesDir().resolve("Good.class")).isRegularFile();
  }
}
