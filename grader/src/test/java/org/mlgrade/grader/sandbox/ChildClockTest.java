package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The grader's clock reads the same CPU time as the JDK's own reading of a process ({@link
 * ProcessHandle.Info#totalCpuDuration()}, native code over the same kernel counters), for a
 * process that computes without children.
 */
@Tag("e2e")
class ChildClockTest {

  @Test
  void readsTheCpuTimeTheJdkReportsForABusyProcess() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "no /proc here");
    Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
    try {
      ChildClock clock = ChildClock.ofPid(busy.pid());
      assertThat(clock.measuresCpu()).isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (clock.nanos() < 200_000_000L && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      long before = clock.nanos();
      long jdk = busy.toHandle().info().totalCpuDuration().orElseThrow().toNanos();
      long after = clock.nanos();

      assertThat(before).isGreaterThanOrEqualTo(200_000_000L);
      // Both count 10 ms ticks: allow one tick either side of the two readings around the JDK's.
      assertThat(jdk).isBetween(before - 10_000_000L, after + 10_000_000L);
      clock.close();
    } finally {
      busy.destroyForcibly();
      busy.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void withoutAProcessToReadItIsAWallClock() {
    ChildClock clock = ChildClock.ofPid(Long.MAX_VALUE);

    assertThat(clock.measuresCpu()).isFalse();
    long now = System.nanoTime();
    assertThat(clock.nanos()).isBetween(now, now + Duration.ofSeconds(60).toNanos());
  }
}
