package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlgrade.grader.sandbox.SandboxFixture.LIMITS;
import static org.mlgrade.grader.sandbox.SandboxFixture.calls;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Measures, and prints, the cost of one submission in the sandbox apart from the student's work:
 * copying the classes, starting the child JVM at each working isolation level, one trivial call,
 * and stopping it. Asserts only that the calls returned; the times are for people to read.
 * Also runnable on its own: {@code main}.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SandboxOverheadBenchmark {

  private static final int ROUNDS = 5;

  @Test
  void printsThePerSubmissionOverheadOfEachIsolationLevel() {
    try (SandboxFixture fixture = new SandboxFixture()) {
      for (IsolationLevel level : IsolationLevel.values()) {
        if (!IsolationProbe.works(level)) {
          System.out.printf("sandbox overhead %-17s unavailable: %s%n", level,
              IsolationProbe.verdict(level).detail());
          continue;
        }
        try (ProcessSandbox sandbox = fixture.sandbox(level)) {
          sandbox.run(fixture.solution, calls(""), LIMITS);
          double[] millis = new double[ROUNDS];
          for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            SandboxRun run = sandbox.run(fixture.solution, calls(""), LIMITS);
            millis[i] = (System.nanoTime() - start) / 1e6;
            assertThat(run.results().get(0).status()).isEqualTo(CallStatus.RETURNED);
          }
          Arrays.sort(millis);
          System.out.printf("sandbox overhead %-17s child start + 1 trivial call: median %.0f ms,"
              + " min %.0f ms, max %.0f ms over %d runs%n", level, millis[ROUNDS / 2], millis[0],
              millis[ROUNDS - 1], ROUNDS);
        }
      }
    }
  }

  public static void main(String[] args) {
    new SandboxOverheadBenchmark().printsThePerSubmissionOverheadOfEachIsolationLevel();
  }
}
