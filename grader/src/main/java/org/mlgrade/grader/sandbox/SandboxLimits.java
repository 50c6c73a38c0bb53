package org.mlgrade.grader.sandbox;

import java.time.Duration;

/**
 * What the sandbox allows one submission's run: the grader maps a rubric's limits to these, so
 * the sandbox knows nothing of rubrics.
 *
 * @param perTest wall time of one test call
 * @param total wall time of all the run's test calls together
 * @param heapMegabytes maximum heap of the child JVM
 * @param outputBytes how much of one test's stdout and stderr is kept; more is a flood
 */
public record SandboxLimits(Duration perTest, Duration total, int heapMegabytes,
    int outputBytes) {}
