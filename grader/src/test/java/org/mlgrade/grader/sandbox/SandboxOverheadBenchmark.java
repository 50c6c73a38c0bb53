package org.mlgrade.grader.sandbox;

import static org.mlgrade.grader.sandbox.SandboxFixture.LIMITS;
import static org.mlgrade.grader.sandbox.SandboxFixture.calls;

import java.util.Arrays;

/**
 * Measures, and prints, the cost of one submission in the sandbox apart from the student's work:
 * copying the classes, starting the child JVM at each working isolation level, one trivial call,
 * and stopping it. A main class, not a test: run it with {@code grader/bench/run.sh}. It fails
 * only if a trivial call does not return; the times are for people to read.
 */
final class SandboxOverheadBenchmark {

  private static final int ROUNDS = 5;

  private SandboxOverheadBenchmark() {}

  public static void main(String[] args) {
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
            CallResult result = run.results().get(0);
            if (result.status() != CallStatus.RETURNED) {
              throw new IllegalStateException("a trivial call did not return at " + level + ": "
                  + result.status() + " " + result.message());
            }
          }
          Arrays.sort(millis);
          System.out.printf("sandbox overhead %-17s child start + 1 trivial call: median %.0f ms,"
              + " min %.0f ms, max %.0f ms over %d runs%n", level, millis[ROUNDS / 2], millis[0],
              millis[ROUNDS - 1], ROUNDS);
        }
      }
    }
  }
}
