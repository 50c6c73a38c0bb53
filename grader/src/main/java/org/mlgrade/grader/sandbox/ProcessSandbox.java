package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.OptionalInt;
import java.util.Set;
import org.mlgrade.grader.io.Trees;
import org.mlgrade.harness.Report;
import org.mlgrade.harness.Request;
import org.mlgrade.harness.Wire;

/**
 * The sandbox: one child JVM per submission (started again after a call kills or hangs it), at
 * the strongest {@link IsolationLevel} that works here unless {@link SandboxOptions} asks for
 * another.
 *
 * <p>The child's class path holds the API, the harness with Jackson, any test-only extra
 * directories and a copy of the student's classes: never the reference, rubrics or expected
 * outputs. The grader writes the calls into a request file in the child's private working
 * directory; the harness reads and deletes it, then runs the calls and reports each one on its
 * standard output, on lines marked with a per-child random token. The grader reads both output
 * streams as they come, into bounded buffers, and enforces every limit from outside: on a
 * per-test or total time-out, an output flood, or a child that exits during a call, it kills the
 * child's process tree, records the call's status and starts a new child for the calls left.
 *
 * <p>Trust: a protocol line is only ever taken as "the student's code returned this for call K",
 * for the call K the child announced last; statuses that only the grader can observe (time-outs,
 * exits, runs not made) never come from the child, reported times are clamped to what the grader
 * measured, and texts are capped. The residual risk is code that reads the token out of the
 * harness's memory by reflection: it can then forge a report for the running call, which earns
 * nothing that returning the same value would not have earned, since judging happens here.
 */
public final class ProcessSandbox implements Sandbox, AutoCloseable {

  private static final int MAX_MESSAGE_CHARS = 8_000;
  private static final Set<String> CHILD_STATUSES = Set.of("RETURNED", "THREW", "OUT_OF_MEMORY",
      "STACK_OVERFLOW", "NO_IMPLEMENTATION", "AMBIGUOUS_IMPLEMENTATION", "CANNOT_INSTANTIATE");
  private static final long FINISH_MILLIS = 2_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SandboxOptions options;
  private final IsolationLevel isolation;
  private final Path workRoot;
  private final ChildClasspath classpath;
  private final List<Path> extraClasspath;

  /**
   * A sandbox with {@code options}; prepares the API and harness classes for the child in a new
   * temporary directory, deleted by {@link #close()}.
   *
   * @throws IllegalStateException when the isolation level asked for does not work here
   */
  public ProcessSandbox(SandboxOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    // The probe starts a JVM through the launch chain: let it run while the classes are copied.
    CompletableFuture<IsolationProbe.Verdict> probe = CompletableFuture.supplyAsync(() ->
        IsolationProbe.verdict(options.isolation() == null
            ? IsolationProbe.strongestAvailable() : options.isolation()));
    try {
      workRoot = Files.createTempDirectory("mlgrade-sandbox-");
      // Searchable but not listable: one child cannot find another run's directory by name.
      Files.setPosixFilePermissions(workRoot, PosixFilePermissions.fromString("rwx--x--x"));
      classpath = ChildClasspath.materialize(workRoot.resolve("classpath"));
      List<Path> extras = new ArrayList<>();
      for (int i = 0; i < options.extraClasspath().size(); i++) {
        Path copy = Files.createDirectories(workRoot.resolve("extra").resolve("e" + i));
        RunDirectory.copyRegularFiles(options.extraClasspath().get(i), copy);
        extras.add(copy);
      }
      extraClasspath = List.copyOf(extras);
      RunDirectory.openForReading(workRoot.resolve("classpath"));
      if (!extras.isEmpty()) {
        RunDirectory.openForReading(workRoot.resolve("extra"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the sandbox's working directory", e);
    }
    IsolationProbe.Verdict verdict = probe.join();
    if (!verdict.works()) {
      close();
      throw new IllegalStateException("isolation level " + verdict.level()
          + " does not work here: " + verdict.detail());
    }
    this.isolation = verdict.level();
  }

  /**
   * The directory of API classes the child sees: compile submissions against exactly this, so
   * that what compiles is what runs.
   */
  public Path apiClasspath() {
    return classpath.api();
  }

  /** The isolation level this sandbox runs children at. */
  public IsolationLevel isolation() {
    return isolation;
  }

  @Override
  public SandboxRun run(Path classesDir, List<Call> calls, SandboxLimits limits) {
    Objects.requireNonNull(classesDir, "classesDir");
    Objects.requireNonNull(calls, "calls");
    Objects.requireNonNull(limits, "limits");
    checkLimits(limits);
    if (!Files.isDirectory(classesDir)) {
      throw new IllegalArgumentException("student classes directory does not exist: "
          + classesDir);
    }
    for (Call call : calls) {
      Objects.requireNonNull(call, "a call is null");
    }
    CallResult[] results = new CallResult[calls.size()];
    long totalDeadline = System.nanoTime() + limits.total().toNanos();
    int restarts = 0;
    boolean childIsNobody = isolation != IsolationLevel.PROCESS_ONLY && LaunchCommand.isRoot();
    try (RunDirectory run = RunDirectory.create(workRoot, classesDir, childIsNobody)) {
      int next = 0;
      int failedStarts = 0;
      boolean first = true;
      while (next < calls.size()) {
        if (System.nanoTime() >= totalDeadline) {
          notRun(results, calls, next, "the submission's time limit of "
              + seconds(limits.total()) + " ran out before this test started");
          break;
        }
        if (!first) {
          restarts++;
        }
        first = false;
        Progress progress = new ChildRun(run, calls, limits, results, totalDeadline).drive(next);
        failedStarts = progress.started() ? 0 : failedStarts + 1;
        if (failedStarts >= 2) {
          notRun(results, calls, progress.next(), "the sandbox JVM did not start: "
              + progress.diagnostics());
          break;
        }
        next = progress.next();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      notRunRemaining(results, calls, "grading was interrupted");
    }
    notRunRemaining(results, calls, "the sandbox did not reach this test");
    return new SandboxRun(List.of(results), isolation, restarts);
  }

  /** Deletes the sandbox's working directory. */
  @Override
  public void close() {
    Trees.deleteQuietly(workRoot);
  }

  /** How far one child got: the next call to run, and whether it started any call at all. */
  private record Progress(int next, boolean started, String diagnostics) {}

  /** The life of one child JVM. */
  private final class ChildRun {

    private final RunDirectory run;
    private final List<Call> calls;
    private final SandboxLimits limits;
    private final CallResult[] results;
    private final long totalDeadline;

    ChildRun(RunDirectory run, List<Call> calls, SandboxLimits limits, CallResult[] results,
        long totalDeadline) {
      this.run = run;
      this.calls = calls;
      this.limits = limits;
      this.results = results;
      this.totalDeadline = totalDeadline;
    }

    Progress drive(int first) throws InterruptedException {
      String token = HexFormat.of().formatHex(randomBytes());
      boolean bubblewrap = isolation == IsolationLevel.BUBBLEWRAP;
      Path childClasses = bubblewrap ? Path.of("/mlgrade/student") : run.classes();
      List<Bind> binds = new ArrayList<>();
      binds.add(new Bind(classpath.harness(), childPath(bubblewrap, "harness",
          classpath.harness()), false));
      binds.add(new Bind(classpath.api(), childPath(bubblewrap, "api", classpath.api()), false));
      for (int i = 0; i < extraClasspath.size(); i++) {
        binds.add(new Bind(extraClasspath.get(i), childPath(bubblewrap, "extra" + i,
            extraClasspath.get(i)), false));
      }
      binds.add(new Bind(run.classes(), childClasses, false));
      List<String> childClasspath = new ArrayList<>();
      for (int i = 1; i < binds.size(); i++) {
        childClasspath.add(binds.get(i).child().toString());
      }
      List<Request.Call> requested = new ArrayList<>();
      for (int i = first; i < calls.size(); i++) {
        Call call = calls.get(i);
        requested.add(new Request.Call(i, call.solverInterface(), call.method(),
            call.inputJson()));
      }
      Request request = new Request(token, limits.outputBytes(), childClasspath,
          childClasses.toString(), requested);
      byte[] requestBytes;
      try {
        requestBytes = Wire.MAPPER.writeValueAsBytes(request);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot encode the sandbox request", e);
      }
      // Under bubblewrap the child works in a private tmpfs and bwrap copies the request from
      // standard input; otherwise the request goes into a new host directory for this child.
      Path hostWork = run.newWork(bubblewrap ? null : requestBytes);
      Path childWork = bubblewrap ? Path.of("/mlgrade/work") : hostWork;
      if (!bubblewrap) {
        binds.add(new Bind(hostWork, childWork, true));
      }
      Path childRequest = childWork.resolve(RunDirectory.REQUEST);
      List<String> java = List.of("-Xmx" + limits.heapMegabytes() + "m",
          "-Xss" + options.stackKilobytes() + "k", "-XX:+UseSerialGC", "-XX:-UsePerfData",
          "-XX:+DisableAttachMechanism", "-Xshare:auto", "-Dfile.encoding=UTF-8",
          "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-Djava.awt.headless=true",
          "-cp", binds.get(0).child().toString(), "org.mlgrade.harness.Harness",
          childRequest.toString());
      long cpuSeconds = 2 * Math.max(1, limits.total().toSeconds()) + 30;
      List<String> command = LaunchCommand.build(isolation, binds, childWork,
          bubblewrap ? childRequest : null, cpuSeconds, java);
      ChildProcess child;
      try {
        child = ChildProcess.start(command, hostWork, bubblewrap ? requestBytes : null, token,
            limits.outputBytes());
      } catch (IOException e) {
        return new Progress(first, false, "cannot start " + command.get(0) + ": "
            + e.getMessage());
      }
      try (child) {
        return watch(child, first);
      }
    }

    private Progress watch(ChildProcess child, int first) throws InterruptedException {
      int next = first;
      int current = -1;
      boolean started = false;
      long callStart = 0;
      long waitDeadline = System.nanoTime() + options.startupTimeout().toNanos();
      while (true) {
        long now = System.nanoTime();
        long deadline = current >= 0
            ? Math.min(callStart + limits.perTest().toNanos(), totalDeadline)
            : Math.min(waitDeadline, totalDeadline);
        ChildEvent event = child.next(deadline - now);
        now = System.nanoTime();
        if (event == null) {
          child.kill();
          if (current >= 0) {
            boolean total = callStart + limits.perTest().toNanos() > totalDeadline;
            StrayOutput.Captured stray = child.stray().peek(current);
            results[current] = new CallResult(calls.get(current).key(), CallStatus.TIMED_OUT,
                null, total
                    ? "the submission's time limit of " + seconds(limits.total())
                        + " ran out during this test, which was stopped"
                    : "ran longer than the limit of " + seconds(limits.perTest())
                        + " per test and was stopped",
                now - callStart, cap(stray.stdout()), cap(stray.stderr()));
            return new Progress(current + 1, true, "");
          }
          return new Progress(next, started, "no call started within "
              + seconds(options.startupTimeout()) + "; " + child.stray().diagnostics());
        }
        if (event instanceof ChildEvent.Started s) {
          if (current < 0 && s.index() == next) {
            current = s.index();
            callStart = now;
            started = true;
          }
        } else if (event instanceof ChildEvent.Reported r) {
          if (r.index() == current) {
            results[current] = fromReport(calls.get(current), r.report(), r.stray(),
                now - callStart);
            next = current + 1;
            current = -1;
            waitDeadline = now + limits.perTest().toNanos() + options.startupTimeout().toNanos();
            if (next == calls.size()) {
              finish(child);
              return new Progress(next, true, "");
            }
          }
        } else if (event instanceof ChildEvent.Flooded f) {
          if (f.index() == current) {
            child.kill();
            results[current] = flood(calls.get(current), f.report().stdout(),
                f.report().stderr(), f.stray(), now - callStart);
            return new Progress(current + 1, true, "");
          }
        } else if (event instanceof ChildEvent.RawFlood f) {
          if (f.index() == current) {
            child.kill();
            StrayOutput.Captured stray = child.stray().end(current);
            results[current] = flood(calls.get(current), "", "", stray, now - callStart);
            return new Progress(current + 1, true, "");
          }
        } else if (event instanceof ChildEvent.Ended) {
          OptionalInt status = child.exitStatus(FINISH_MILLIS);
          child.kill();
          String how = status.isPresent() ? "with exit status " + status.getAsInt()
              : "after closing its output";
          if (current >= 0) {
            StrayOutput.Captured stray = child.stray().end(current);
            results[current] = new CallResult(calls.get(current).key(), CallStatus.EXITED, null,
                "the JVM stopped during this test " + how
                    + " (System.exit, Runtime.halt or a crash)",
                now - callStart, cap(stray.stdout()), cap(stray.stderr()));
            return new Progress(current + 1, true, "");
          }
          return new Progress(next, started, "the JVM stopped " + how + "; "
              + child.stray().diagnostics());
        }
        // ChildEvent.Done before the last report, or an event about another call: ignored.
      }
    }

    /** After the last report: let the child halt itself, briefly, then kill it anyway. */
    private void finish(ChildProcess child) throws InterruptedException {
      child.exitStatus(FINISH_MILLIS);
      child.kill();
    }

    private CallResult fromReport(Call call, Report report, StrayOutput.Captured stray,
        long measured) {
      String stdout = cap(nonNull(report.stdout()) + stray.stdout());
      String stderr = cap(nonNull(report.stderr()) + stray.stderr());
      long elapsed = report.elapsedNanos() >= 0 && report.elapsedNanos() <= measured
          ? report.elapsedNanos() : measured;
      if (!CHILD_STATUSES.contains(report.status())) {
        return new CallResult(call.key(), CallStatus.EXITED, null,
            "the sandbox's report on this test was not understood", measured, stdout, stderr);
      }
      CallStatus status = CallStatus.valueOf(report.status());
      if (status == CallStatus.RETURNED && report.outputJson() == null) {
        return new CallResult(call.key(), CallStatus.EXITED, null,
            "the sandbox's report on this test carried no value", measured, stdout, stderr);
      }
      String message = nonNull(report.message());
      if (message.length() > MAX_MESSAGE_CHARS) {
        message = message.substring(0, MAX_MESSAGE_CHARS) + "...";
      }
      return new CallResult(call.key(), status,
          status == CallStatus.RETURNED ? report.outputJson() : null, message, elapsed, stdout,
          stderr);
    }

    private CallResult flood(Call call, String stdout, String stderr, StrayOutput.Captured stray,
        long measured) {
      return new CallResult(call.key(), CallStatus.OUTPUT_FLOOD, null,
          "printed more than " + limits.outputBytes() + " bytes of output and was stopped",
          measured, cap(nonNull(stdout) + stray.stdout()), cap(nonNull(stderr) + stray.stderr()));
    }

    private String cap(String text) {
      return CappedBytes.truncate(text, limits.outputBytes());
    }
  }

  private static Path childPath(boolean bubblewrap, String name, Path host) {
    return bubblewrap ? Path.of("/mlgrade", name) : host;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }

  private static void notRun(CallResult[] results, List<Call> calls, int from, String why) {
    for (int i = from; i < results.length; i++) {
      if (results[i] == null) {
        results[i] = new CallResult(calls.get(i).key(), CallStatus.NOT_RUN, null, why, 0, "", "");
      }
    }
  }

  private static void notRunRemaining(CallResult[] results, List<Call> calls, String why) {
    notRun(results, calls, 0, why);
  }

  private static void checkLimits(SandboxLimits limits) {
    if (limits.perTest().isNegative() || limits.perTest().isZero()
        || limits.total().isNegative() || limits.total().isZero()) {
      throw new IllegalArgumentException("time limits must be positive: " + limits);
    }
    if (limits.heapMegabytes() < 16 || limits.outputBytes() < 0) {
      throw new IllegalArgumentException(
          "heap must be at least 16 MiB and the output limit not negative: " + limits);
    }
  }

  private static String seconds(Duration duration) {
    double s = duration.toMillis() / 1000.0;
    return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
  }
}
