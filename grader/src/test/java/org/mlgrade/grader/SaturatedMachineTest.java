package org.mlgrade.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.grader.sandbox.SandboxOptions;
import org.mlgrade.reference.ProblemRegistry;

/**
 * Issue 9, item 5: a correct submission gets full marks on a saturated machine. The test starts
 * {@code nproc} × 4 busy loops of its own (killed in a finally), then grades the correct sample
 * with the default rubric: per-test limits count the child's CPU time, JVM start-up is not
 * charged, and a time-out is tried again in a fresh JVM, so competing processes cost only wall
 * time.
 */
@Tag("e2e")
class SaturatedMachineTest {

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void theCorrectSampleGetsFullMarksWhileEveryCoreIsBusy() throws Exception {
    Rubric rubric = new RubricLoader(ProblemRegistry.standard())
        .load(Path.of("..", "rubrics", "ml-homework.json"));
    int loops = 4 * Runtime.getRuntime().availableProcessors();
    List<Process> busy = new ArrayList<>();
    try (Grader grader = Grader.open(rubric, SandboxOptions.defaults())) {
      for (int i = 0; i < loops; i++) {
        busy.add(new ProcessBuilder("sh", "-c", "while :; do :; done")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start());
      }
      long start = System.nanoTime();
      Result result = grader.grade(Path.of("..", "submissions-sample", "correct"));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("saturated machine (%d busy loops, load %.1f): correct sample %s/%s in"
          + " %.1f s, %d sandbox restarts%n", loops, loadAverage(), result.score(),
          result.maxScore(), seconds, result.restarts());

      assertThat(busy).allMatch(Process::isAlive);
      assertThat(result.score()).as(failures(result)).isEqualTo(result.maxScore());
    } finally {
      for (Process process : busy) {
        process.destroyForcibly();
      }
      for (Process process : busy) {
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
  }

  private static String failures(Result result) {
    StringBuilder text = new StringBuilder();
    result.questions().forEach(q -> q.tests().stream().filter(t -> !t.passed())
        .forEach(t -> text.append(q.id()).append(' ').append(t.name()).append(": ")
            .append(t.message()).append('\n')));
    return text.toString();
  }
}
