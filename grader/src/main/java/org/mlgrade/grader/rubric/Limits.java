package org.mlgrade.grader.rubric;

import java.time.Duration;

/**
 * Resource limits for running one submission.
 *
 * @param perTest CPU time of one test call (compilation and JVM start-up not included), with a
 *     wall-clock backstop of 3 × this + 2 s; wall-clock time where CPU time cannot be read
 * @param total the same time summed over all the submission's test calls
 * @param heapMegabytes maximum heap of the sandbox JVM
 * @param outputBytes how much of one test's stdout and stderr is kept; more is a flood
 */
public record Limits(Duration perTest, Duration total, int heapMegabytes, int outputBytes) {

  /** Defaults: 5 s per test, 60 s in all, 256 MiB heap, 64 KiB of output per test. */
  public static final Limits DEFAULT =
      new Limits(Duration.ofSeconds(5), Duration.ofSeconds(60), 256, 64 * 1024);
}
