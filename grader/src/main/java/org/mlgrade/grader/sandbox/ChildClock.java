package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the grader charges a child's calls with: the CPU time of the child JVM (all its threads,
 * and the children it has waited for), read from {@code /proc/<pid>/stat}, so that a call costs
 * the same on an idle laptop and on a machine at load 15. Where there is no {@code /proc} (macOS)
 * or the JVM cannot be found, it falls back to wall-clock time, and says so.
 *
 * <p>The JVM is found once, when the child says it is ready and before any student code has run
 * (so no student process can pose as it): the launched process itself, or under bubblewrap its
 * descendant whose program is {@code java} running the harness. Processes the student starts are
 * not charged; the wall-clock backstop bounds them.
 */
final class ChildClock implements AutoCloseable {

  /**
   * {@code USER_HZ}: the unit of {@code utime} and {@code stime} in {@code /proc/<pid>/stat}. The
   * kernel reports 100 ticks per second to user space on every architecture Java runs on (the
   * kernel's own {@code HZ} does not leak here); {@code getconf CLK_TCK} says so.
   */
  private static final long NANOS_PER_TICK = 10_000_000L;

  private static final String HARNESS = "org.mlgrade.harness.Harness";

  private final FileChannel stat;
  private final ByteBuffer buffer = ByteBuffer.allocate(1024);
  private long last;

  private ChildClock(FileChannel stat) {
    this.stat = stat;
  }

  /** A clock for the child JVM started as {@code process}; a wall clock when none can be read. */
  static ChildClock of(Process process) {
    Stream<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()),
        process.descendants());
    Optional<ProcessHandle> jvm = tree
        .filter(p -> isHarnessJvm(Path.of("/proc", String.valueOf(p.pid())))).findFirst();
    return jvm.isEmpty() ? new ChildClock(null) : ofPid(jvm.get().pid());
  }

  /** A clock reading the CPU time of process {@code pid}, or a wall clock when it cannot. */
  static ChildClock ofPid(long pid) {
    try {
      // Kept open and read again from the start at each reading: a third of the cost of opening
      // the file each time. The kernel closes it for us if the grader forgets; the child's
      // ChildProcess owns the clock and closes it with the child.
      ChildClock clock = new ChildClock(FileChannel.open(
          Path.of("/proc", String.valueOf(pid), "stat"), StandardOpenOption.READ));
      if (clock.cpuNanos() >= 0) {
        return clock;
      }
      clock.close();
    } catch (IOException | UnsupportedOperationException e) {
      // No /proc here (macOS) or the process is gone: wall-clock time.
    }
    return new ChildClock(null);
  }

  /** Closes the open {@code /proc} file, if any. */
  @Override
  public void close() {
    if (stat != null) {
      try {
        stat.close();
      } catch (IOException e) {
        // nothing to do
      }
    }
  }

  /** Whether calls are charged with CPU time; false: with wall-clock time. */
  boolean measuresCpu() {
    return stat != null;
  }

  /**
   * The reading now, in nanoseconds: CPU time used by the JVM so far, or {@link System#nanoTime()}
   * for a wall clock. After the JVM is gone, the last reading.
   */
  long nanos() {
    if (stat == null) {
      return System.nanoTime();
    }
    long cpu = cpuNanos();
    if (cpu > last) {
      last = cpu;
    }
    return last;
  }

  /** utime + stime + cutime + cstime of the JVM, or -1 when they cannot be read. */
  private long cpuNanos() {
    try {
      buffer.clear();
      int n = 0;
      while (buffer.hasRemaining()) {
        int read = stat.read(buffer, n);
        if (read <= 0) {
          break;
        }
        n += read;
      }
      byte[] text = buffer.array();
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so count from the
      // last ')'. After it, field 3 (state) is the first, utime (14) the 12th, ..., cstime (17)
      // the 15th.
      int at = n - 1;
      while (at >= 0 && text[at] != ')') {
        at--;
      }
      if (at < 0) {
        return -1;
      }
      long ticks = 0;
      int field = 3;
      long value = 0;
      for (int i = at + 2; i < n && field <= 17; i++) {
        byte b = text[i];
        if (b == ' ' || b == '\n') {
          if (field >= 14) {
            ticks += value;
          }
          field++;
          value = 0;
        } else if (b >= '0' && b <= '9') {
          value = value * 10 + (b - '0');
        }
      }
      return field > 17 ? ticks * NANOS_PER_TICK : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static boolean isHarnessJvm(Path proc) {
    try {
      List<String> argv = List.of(new String(Files.readAllBytes(proc.resolve("cmdline")),
          StandardCharsets.UTF_8).split("\0"));
      return !argv.isEmpty() && (argv.get(0).endsWith("/java") || argv.get(0).equals("java"))
          && argv.contains(HARNESS);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
