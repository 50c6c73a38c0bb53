package org.mlgrade.grader.submission;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One compiler JVM ({@link CompilerWorker}), seen from the grader: started with a bounded heap, C1
 * only and the serial collector, fed one request at a time, and killed when a compile uses more
 * than its budget of the JVM's CPU time (or ten times that of wall time), or when the grader is
 * interrupted. A compile that runs out of heap ends the JVM ({@code ExitOnOutOfMemoryError}).
 * Either way the JVM is gone and the caller starts another.
 */
final class CompilerJvm implements AutoCloseable {

  /** Why a compile was stopped. */
  enum Stop {
    TIME,
    MEMORY,
    INTERRUPTED
  }

  /** How a compile ended. */
  sealed interface Outcome permits Done, Stopped, Died {}

  /** The compiler answered. */
  record Done(CompileWire.Reply reply) implements Outcome {}

  /** The compile was stopped, and the JVM with it. */
  record Stopped(Stop why) implements Outcome {}

  /** The JVM ended on its own, or never got ready: the grader's problem, not the student's. */
  record Died(String diagnostics) implements Outcome {}

  private static final long POLL_MILLIS = 50;
  private static final int STDERR_KEPT = 4096;

  /** The status {@code -XX:+ExitOnOutOfMemoryError} exits with. */
  private static final int OOM_STATUS = 3;

  private final Process process;
  private final DataOutputStream to;
  private final DataInputStream from;
  private final StringBuilder stderr = new StringBuilder();
  private boolean ready;

  private CompilerJvm(Process process) {
    this.process = process;
    this.to = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
    this.from = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    Thread drain = new Thread(this::drainStderr, "mlgrade-compiler-stderr-" + process.pid());
    drain.setDaemon(true);
    drain.start();
  }

  /**
   * Starts a compiler JVM; it warms up in the background while the grader goes on.
   *
   * @param archive the folder with the compiler's jar, and the archive's flags
   * @param api the student API's class path, the only one javac compiles against
   */
  static CompilerJvm start(CompilerArchive archive, Path api, int heapMegabytes)
      throws IOException {
    return new CompilerJvm(
        builder(command(api, heapMegabytes, archive.flags()), archive.dir()).start());
  }

  /**
   * The command of a compiler JVM with {@code cds} (its class-data archive flags), to be run in the
   * folder holding {@link CompilerArchive#JAR}.
   */
  static List<String> command(Path api, int heapMegabytes, List<String> cds) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMegabytes + "m",
                "-Xss1m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+DisableAttachMechanism",
                "-Dfile.encoding=UTF-8"));
    command.addAll(cds);
    command.addAll(
        List.of(
            "-cp",
            CompilerArchive.JAR,
            CompilerWorker.class.getName(),
            api.toAbsolutePath().toString()));
    return command;
  }

  /** A process builder of {@code command} in {@code dir}, with a minimal environment. */
  static ProcessBuilder builder(List<String> command, Path dir) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().put("LANG", "C.UTF-8");
    return builder;
  }

  /**
   * Compiles {@code request}, charging the JVM's CPU time from the request to the reply (start-up
   * and warm-up are not charged; the JVM has {@code startup} of wall time to get ready).
   */
  Outcome compile(CompileWire.Request request, Duration budget, long wallFactor, Duration startup) {
    if (!ready) {
      Watch watch = Watch.start(this, Long.MAX_VALUE, startup.toNanos());
      try {
        if (from.read() != CompileWire.READY) {
          return died(watch, "it ended before it was ready");
        }
        ready = true;
      } catch (IOException e) {
        return died(watch, "it ended before it was ready");
      } finally {
        watch.stop();
      }
    }
    Watch watch = Watch.start(this, budget.toNanos(), wallFactor * budget.toNanos());
    try {
      CompileWire.write(to, request);
      CompileWire.Reply reply = CompileWire.readReply(from);
      watch.stop();
      return watch.reason() == null ? new Done(reply) : new Stopped(watch.reason());
    } catch (IOException e) {
      watch.stop();
      if (watch.reason() != null) {
        return new Stopped(watch.reason());
      }
      int status = exitStatus();
      if (status == OOM_STATUS || stderrTail().contains("OutOfMemoryError")) {
        return new Stopped(Stop.MEMORY);
      }
      return new Died(
          "the compiler JVM stopped during a compile (exit status " + status + ")" + tail());
    }
  }

  private Outcome died(Watch watch, String what) {
    watch.stop();
    process.destroyForcibly();
    return new Died(
        "the compiler JVM "
            + (watch.reason() == Stop.TIME
                ? "was not ready within " + Math.round(watch.wallNanos / 1e9) + " s"
                : what)
            + tail());
  }

  /** The JVM's CPU time, in nanoseconds, or -1 where the system does not say. */
  long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int exitStatus() {
    try {
      if (process.waitFor(5, TimeUnit.SECONDS)) {
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    return -1;
  }

  private String tail() {
    String text = stderrTail().strip();
    return text.isEmpty() ? "" : ": " + text;
  }

  private String stderrTail() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  private void drainStderr() {
    byte[] buffer = new byte[4096];
    try (InputStream in = process.getErrorStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        synchronized (stderr) {
          stderr.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
          if (stderr.length() > STDERR_KEPT) {
            stderr.delete(0, stderr.length() - STDERR_KEPT);
          }
        }
      }
    } catch (IOException e) {
      // the JVM is gone
    }
  }

  /**
   * Watches one compile (or the start-up) from a daemon thread, and kills the JVM when it passes
   * its CPU budget or its wall-clock backstop, or when the thread that waits for it is interrupted.
   * Where CPU time cannot be read, the budget is wall-clock time.
   */
  private static final class Watch {

    private final CompilerJvm jvm;
    private final long cpuNanos;
    private final long wallNanos;
    private final Thread caller = Thread.currentThread();
    private Thread thread;
    private volatile boolean stopped;
    private volatile Stop reason;

    private Watch(CompilerJvm jvm, long cpuNanos, long wallNanos) {
      this.jvm = jvm;
      this.cpuNanos = cpuNanos;
      this.wallNanos = wallNanos;
    }

    static Watch start(CompilerJvm jvm, long cpuNanos, long wallNanos) {
      Watch watch = new Watch(jvm, cpuNanos, wallNanos);
      Thread thread = new Thread(watch::loop, "mlgrade-compiler-watch-" + jvm.process.pid());
      thread.setDaemon(true);
      watch.thread = thread;
      thread.start();
      return watch;
    }

    private void loop() {
      long cpu0 = jvm.cpuNanos();
      long wall0 = System.nanoTime();
      while (!stopped) {
        try {
          Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
        long wall = System.nanoTime() - wall0;
        long cpu = cpu0 < 0 ? wall : jvm.cpuNanos() - cpu0;
        Stop why =
            caller.isInterrupted()
                ? Stop.INTERRUPTED
                : cpu > cpuNanos || wall > wallNanos ? Stop.TIME : null;
        if (why != null && !stopped) {
          reason = why;
          jvm.process.destroyForcibly();
          return;
        }
      }
    }

    void stop() {
      stopped = true;
      thread.interrupt();
    }

    Stop reason() {
      return reason;
    }
  }
}
