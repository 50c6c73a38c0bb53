package org.mlgrade.grader.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlgrade.grader.Grader;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.IsolationProbe;
import org.mlgrade.grader.sandbox.SandboxOptions;
import org.mlgrade.reference.ProblemRegistry;

/**
 * What a student leaves behind is gone when the grader moves on, at every level that keeps the
 * child apart from the grader's user: a setsid'd double-forked process that waits to forge a file
 * outside ({@code escapee}), and files in the host's {@code /dev/shm} ({@code fill-shm}), which
 * under bubblewrap is a tmpfs of 64 MiB. {@code PROCESS_ONLY} runs the child as the grader's own
 * user and cannot kill by uid: not tested here (it is for self-checks only).
 */
@Tag("e2e")
class OutlivingTest {

  private static final Pattern WROTE = Pattern.compile("WROTE /dev/shm (\\d+)");

  @ParameterizedTest
  @EnumSource(value = IsolationLevel.class, names = {"BUBBLEWRAP", "UNPRIVILEGED_USER"})
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void nothingOfTheStudentOutlivesItsGrading(IsolationLevel level, @TempDir Path temp)
      throws Exception {
    assumeTrue(IsolationProbe.works(level), level + " does not work here: "
        + IsolationProbe.verdict(level).detail());
    Rubric rubric = new RubricLoader(ProblemRegistry.standard()).load(HostileSubmissions.rubric());
    try (HostileSubmissions subs = new HostileSubmissions(
        Files.createDirectories(temp.resolve("subs")), 1);
        Grader grader = Grader.open(rubric, SandboxOptions.defaults().withIsolation(level)
            .withAllowWeakIsolation(true))) {
      Result escapee = grader.grade(subs.build("escapee"));
      Result shm = grader.grade(subs.build("fill-shm"));
      Thread.sleep(6_000); // the escapee writes 4 s after it was spawned

      assertThat(escapee.score()).isEqualTo(4.0);
      assertThat(stdout(escapee)).contains("spawned an escapee");
      assertThat(subs.survivors()).as("processes left behind").isEmpty();
      assertThat(subs.writtenOutside()).as("files left or forged outside").isEmpty();
      assertThat(subs.victimIntact()).isTrue();
      Matcher wrote = WROTE.matcher(stdout(shm));
      assertThat(wrote.find()).as(stdout(shm)).isTrue();
      if (level == IsolationLevel.BUBBLEWRAP) {
        assertThat(Long.parseLong(wrote.group(1))).isLessThanOrEqualTo(64L << 20);
      }
    }
  }

  private static String stdout(Result result) {
    return result.questions().stream().flatMap(q -> q.tests().stream())
        .map(TestResult::stdout).reduce("", String::concat);
  }
}
