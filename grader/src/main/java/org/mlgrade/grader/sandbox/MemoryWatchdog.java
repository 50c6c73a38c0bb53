package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Kills a child whose processes together hold more resident memory than allowed: {@code -Xmx}
 * bounds the heap and direct buffers, not {@code Unsafe.allocateMemory} or a native thread bomb's
 * stacks, and neither cgroups ({@link ChildCgroup}, used besides it where writable) nor an
 * address-space limit are usable everywhere. It reads {@code VmRSS} of the child and its
 * descendants from {@code /proc} every {@link #PERIOD_MILLIS} ms, on a daemon thread that ends with
 * the child.
 */
final class MemoryWatchdog {

  static final long PERIOD_MILLIS = 100;

  private final AtomicBoolean tripped = new AtomicBoolean();
  private final long limitBytes;

  private final Optional<ChildCgroup> cgroup;

  private MemoryWatchdog(long limitBytes, Optional<ChildCgroup> cgroup) {
    this.limitBytes = limitBytes;
    this.cgroup = cgroup;
  }

  /**
   * The resident-memory limit of a child whose heap is {@code heapMegabytes}: 2 x heap + 256 MiB.
   */
  static long limitFor(int heapMegabytes) {
    return (2L * heapMegabytes + 256) << 20;
  }

  /** Watches {@code child} until it ends. */
  static MemoryWatchdog watch(ProcessHandle child, long limitBytes) {
    return watch(child, limitBytes, Optional.empty());
  }

  /**
   * Watches {@code child} until it ends; {@link #tripped()} is also true when the kernel's OOM
   * killer ended a process of {@code cgroup}, whose memory limit is the same {@code limitBytes}.
   */
  static MemoryWatchdog watch(ProcessHandle child, long limitBytes, Optional<ChildCgroup> cgroup) {
    MemoryWatchdog watchdog = new MemoryWatchdog(limitBytes, cgroup);
    Thread thread = new Thread(() -> watchdog.loop(child), "mlgrade-memory-" + child.pid());
    thread.setDaemon(true);
    thread.start();
    return watchdog;
  }

  /** Whether the child was killed for its memory. */
  boolean tripped() {
    return tripped.get() || cgroup.map(ChildCgroup::oomKilled).orElse(false);
  }

  /** The limit, for messages. */
  long limitBytes() {
    return limitBytes;
  }

  private void loop(ProcessHandle child) {
    while (child.isAlive()) {
      long resident =
          residentBytes(child) + child.descendants().mapToLong(MemoryWatchdog::residentBytes).sum();
      if (resident > limitBytes) {
        tripped.set(true);
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        return;
      }
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** {@code VmRSS} of one process, 0 when it is gone or has none (a kernel thread). */
  static long residentBytes(ProcessHandle process) {
    try (Stream<String> lines =
        Files.lines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      return lines
          .filter(line -> line.startsWith("VmRSS:"))
          .findFirst()
          .map(line -> Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024)
          .orElse(0L);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
