package org.mlgrade.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntToLongFunction;

/**
 * One running child JVM: its process, the two threads that drain its standard output and error
 * as they come (into bounded buffers), and the queue of events they post. Standard input is
 * {@code /dev/null}, or a pipe that carries given bytes and is then closed. The environment is emptied but for {@code PATH} and {@code LANG}.
 */
final class ChildProcess implements AutoCloseable {

  private static final int QUEUE_CAPACITY = 16;
  private static final long REAP_SECONDS = 10;

  private final Process process;
  private final BlockingQueue<ChildEvent> events = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
  private final StrayOutput stray;
  private final List<Thread> readers;
  private final Set<ProcessHandle> killed = ConcurrentHashMap.newKeySet();
  private ChildClock clock;

  private ChildProcess(Process process, String token, int outputBytes,
      IntToLongFunction maxLineBytes) {
    this.process = process;
    this.stray = new StrayOutput(outputBytes, events);
    readers = List.of(
        daemon("mlgrade-child-stdout-" + process.pid(),
            new ProtocolReader(process.getInputStream(), token, stray, events, maxLineBytes)),
        daemon("mlgrade-child-stderr-" + process.pid(), this::drainStderr));
    readers.forEach(Thread::start);
  }

  /**
   * Starts {@code command} in {@code directory}.
   *
   * @param input what the child reads on standard input before it ends, or null for {@code
   *     /dev/null}
   * @param maxLineBytes the longest protocol line accepted while call {@code index} runs
   */
  static ChildProcess start(List<String> command, Path directory, byte[] input, String token,
      int outputBytes, IntToLongFunction maxLineBytes) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectInput(input == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
            : ProcessBuilder.Redirect.PIPE);
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().put("LANG", "C.UTF-8");
    ChildProcess child = new ChildProcess(builder.start(), token, outputBytes, maxLineBytes);
    if (input != null) {
      daemon("mlgrade-child-stdin-" + child.process.pid(), () -> child.feed(input)).start();
    }
    return child;
  }

  /** Writes {@code input} to the child's standard input and closes it. */
  private void feed(byte[] input) {
    try (OutputStream in = process.getOutputStream()) {
      in.write(input);
    } catch (IOException e) {
      // The child is gone; its watcher sees that.
    }
  }

  /** The next event, or {@code null} when none came within {@code timeoutNanos}. */
  ChildEvent next(long timeoutNanos) throws InterruptedException {
    return events.poll(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
  }

  /** The child's process, for watchers. */
  ProcessHandle handle() {
    return process.toHandle();
  }

  StrayOutput stray() {
    return stray;
  }

  /**
   * The clock the child's calls are charged by, found the first time it is asked for: ask once
   * the child is ready, before student code runs.
   */
  synchronized ChildClock clock() {
    if (clock == null) {
      clock = ChildClock.of(process);
    }
    return clock;
  }

  /** The exit status, waiting up to {@code millis} for the process to end; empty if it did not. */
  OptionalInt exitStatus(long millis) throws InterruptedException {
    if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
      return OptionalInt.of(process.exitValue());
    }
    return OptionalInt.empty();
  }

  /**
   * Kills the child and everything it started: descendants first (bubblewrap's PID namespace
   * dies with it anyway), then the process itself.
   */
  void kill() {
    process.descendants().forEach(descendant -> {
      killed.add(descendant);
      descendant.destroyForcibly();
    });
    process.destroyForcibly();
  }

  /**
   * Kills the child and waits (up to {@link #REAP_SECONDS} in all) until it and every descendant
   * it was seen to have are gone: a child that started a thousand processes has not stopped
   * until they have, and the next submission must not share the machine with them.
   */
  @Override
  public void close() {
    kill();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REAP_SECONDS);
    try {
      process.waitFor(REAP_SECONDS, TimeUnit.SECONDS);
      for (ProcessHandle descendant : killed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        descendant.destroyForcibly();
        descendant.onExit().get(left, TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Still there after the deadline: the kernel finishes the kill; nothing more to do.
    }
    // A reader blocked on a full queue nobody reads any more must not linger.
    readers.forEach(Thread::interrupt);
    synchronized (this) {
      if (clock != null) {
        clock.close();
      }
    }
  }

  private void drainStderr() {
    byte[] buffer = new byte[8192];
    try (InputStream in = process.getErrorStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        stray.append(true, buffer, 0, n);
      }
    } catch (IOException e) {
      // The child is gone.
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }
}
