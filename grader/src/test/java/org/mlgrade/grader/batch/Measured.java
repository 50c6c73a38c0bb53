package org.mlgrade.grader.batch;

/**
 * One measured command of {@link BatchBenchmark}.
 *
 * @param wallSeconds from start to exit
 * @param cpuSeconds user + system CPU of the whole process tree, from its cgroup
 * @param rusageCpuSeconds user + system of {@code /usr/bin/time}: the process and the
 *     descendants it waited for
 * @param peakRssKb the largest resident set of the top process (VmHWM)
 * @param exitCode the command's exit status
 * @param startNanos {@link System#nanoTime()} at the start
 */
record Measured(double wallSeconds, double cpuSeconds, double rusageCpuSeconds, long peakRssKb,
    int exitCode, long startNanos) {}
