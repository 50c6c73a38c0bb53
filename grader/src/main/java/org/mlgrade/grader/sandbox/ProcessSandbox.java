package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.mlgrade.grader.io.Trees;
import org.mlgrade.harness.Harness;
import org.mlgrade.harness.Report;
import org.mlgrade.harness.Request;

/**
 * The sandbox: one child JVM per submission (started again after a call kills or hangs it), at the
 * strongest {@link IsolationLevel} that works here unless {@link SandboxOptions} asks for another.
 *
 * <p>The child's class path holds the API, the harness (without Jackson), any test-only extra
 * directories and a copy of the student's classes: never the reference, rubrics or expected
 * outputs. The grader writes the calls into a request file in the child's private working
 * directory; the harness reads and deletes it, then runs the calls and reports each one on its
 * standard output, on lines marked with a per-child random token. The grader reads both output
 * streams as they come, into bounded buffers, and enforces every limit from outside: on a per-test
 * or total time-out, an output flood, an answer longer than the test's answer can be, or a child
 * that exits during a call, it kills the child's process tree, records the call's status and starts
 * a new child for the calls left.
 *
 * <p>Time: the grader's own clock runs from the child's ready line (JVM start-up is never charged)
 * and charges each call with the child JVM's CPU time from the line before its report (the ready
 * line, or the previous call's report) to its report, against the per-test limit and the
 * submission's total; a wall-clock backstop ({@link #backstop}) stops code that sleeps or blocks,
 * and where CPU time cannot be read the limits are wall-clock time. A call that runs out of its
 * per-test limit is tried once more in a fresh JVM before it is scored as timed out.
 *
 * <p>Trust: a protocol line is only ever taken as "the student's code returned this for call K",
 * for the call K that is running by the grader's count; statuses that only the grader can observe
 * (time-outs, exits, runs not made) never come from the child, the child reports no time, and
 * answers and texts are bounded while they are read: memory held for a submission is bounded by its
 * plan's answer bounds plus {@link #MAX_KEPT_PRINT_BYTES} of printed output. The residual risk is
 * code that reads the token out of the harness's memory by reflection: it can then forge a report
 * for the running call, which earns nothing that returning the same value would not have earned,
 * since judging happens here.
 */
public final class ProcessSandbox implements Sandbox, AutoCloseable {

  private static final int MAX_MESSAGE_CHARS = 8_000;
  private static final Set<String> CHILD_STATUSES =
      Set.of(
          "RETURNED",
          "THREW",
          "OUT_OF_MEMORY",
          "STACK_OVERFLOW",
          "NO_IMPLEMENTATION",
          "AMBIGUOUS_IMPLEMENTATION",
          "CANNOT_INSTANTIATE",
          "ANSWER_TOO_LARGE");
  private static final long FINISH_MILLIS = 2_000;

  /** Printed output kept for one submission, over all its tests; the rest is dropped. */
  private static final long MAX_KEPT_PRINT_BYTES = 2L << 20;

  /** The shortest wait between two readings of a running call's CPU time. */
  private static final long MIN_POLL_NANOS = 10_000_000L;

  private static final int CORES = Runtime.getRuntime().availableProcessors();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The child JVM's flags besides limits and class path; the class-data archive's too. */
  static final List<String> CHILD_FLAGS =
      List.of(
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:-UsePerfData",
          "-XX:+DisableAttachMechanism",
          "-Dfile.encoding=UTF-8",
          "-Dstdout.encoding=UTF-8",
          "-Dstderr.encoding=UTF-8",
          "-Djava.awt.headless=true",
          // JDK 17 reflection: keep the native accessors rather than generate a class for each
          // constructor and method called more than 15 times (the harness calls records' ones);
          // a child lives for one student. About 20 ms of its 0.29 CPU-s (ignored by JDK 18+).
          "-Dsun.reflect.inflationThreshold=2147483647");

  private final SandboxOptions options;
  private final IsolationLevel isolation;
  private final Path workRoot;
  private final ChildClasspath classpath;
  private final CompletableFuture<Optional<Path>> archive;
  private final List<Path> extraClasspath;
  private final IsolationNotes notes;

  /**
   * A sandbox with {@code options}; prepares the API and harness classes for the child in a new
   * temporary directory, deleted by {@link #close()}.
   *
   * @throws IllegalStateException when the isolation level asked for does not work here
   */
  public ProcessSandbox(SandboxOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    // The probe starts a JVM through the launch chain: let it run while the classes are copied.
    CompletableFuture<IsolationProbe.Verdict> probe =
        CompletableFuture.supplyAsync(
            () ->
                IsolationProbe.verdict(
                    options.isolation() == null
                        ? IsolationProbe.strongestAvailable()
                        : options.isolation()));
    try {
      workRoot = Cleanup.register(Files.createTempDirectory("mlgrade-sandbox-"));
      // Searchable but not listable: one child cannot find another run's directory by name.
      Files.setPosixFilePermissions(workRoot, PosixFilePermissions.fromString("rwx--x--x"));
      classpath = ChildClasspath.materialize(workRoot.resolve("classpath"));
      archive = ChildArchive.prepare(classpath, CHILD_FLAGS);
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
      throw new IllegalStateException(
          "isolation level " + verdict.level() + " does not work here: " + verdict.detail());
    }
    // The canary proves the level: a broken promise under bubblewrap drops to the next level
    // that works (or refuses, when the operator named the level); below, it is a weakness.
    IsolationLevel level = verdict.level();
    List<ChildAccess.Secret> secrets = new ArrayList<>(ChildAccess.graderCode());
    secrets.addAll(options.secrets());
    StartupCanary.Outcome canary = StartupCanary.run(level, classpath.harness(), secrets);
    List<String> dropped = new ArrayList<>();
    while (level == IsolationLevel.BUBBLEWRAP && !canary.broken().isEmpty()) {
      if (options.isolation() != null) {
        close();
        throw new IsolationRefusedException(
            "isolation level "
                + level
                + " does not hold here: "
                + String.join("; ", canary.broken()));
      }
      dropped.addAll(canary.broken());
      level =
          IsolationProbe.works(IsolationLevel.UNPRIVILEGED_USER)
              ? IsolationLevel.UNPRIVILEGED_USER
              : IsolationLevel.PROCESS_ONLY;
      canary = StartupCanary.run(level, classpath.harness(), secrets);
    }
    this.isolation = level;
    List<String> weaknesses = new ArrayList<>(dropped);
    weaknesses.addAll(options.weaknesses(isolation));
    weaknesses.addAll(canary.broken());
    this.notes =
        new IsolationNotes(
            options.allowWeakIsolation() && !weaknesses.isEmpty(),
            weaknesses,
            canary.attempts(),
            ChildCgroup.inForce());
  }

  /**
   * Why hidden tests must not be graded by this sandbox, or empty when they may: {@link
   * SandboxOptions#refusal} with what the start-up canary found added.
   */
  public Optional<String> refusal(boolean hiddenTests) {
    if (!hiddenTests || options.allowWeakIsolation() || notes.weaknesses().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(SandboxOptions.refusalMessage(isolation, notes.weaknesses()));
  }

  /** What this sandbox's results say about isolation beyond the level. */
  public IsolationNotes notes() {
    return notes;
  }

  /**
   * The directory of API classes the child sees: compile submissions against exactly this, so that
   * what compiles is what runs.
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
      throw new IllegalArgumentException("student classes directory does not exist: " + classesDir);
    }
    for (Call call : calls) {
      Objects.requireNonNull(call, "a call is null");
    }
    CallResult[] results = new CallResult[calls.size()];
    Budget budget = new Budget(limits);
    boolean[] retried = new boolean[calls.size()];
    int restarts = 0;
    // Below the grader's own user, each run has a uid of its own: whatever the student's code
    // leaves running or lying in /tmp and /dev/shm is killed and deleted by uid after each child.
    int uid =
        isolation != IsolationLevel.PROCESS_ONLY && LaunchCommand.isRoot()
            ? ChildUids.acquire()
            : -1;
    try (RunDirectory run = RunDirectory.create(workRoot, classesDir, uid)) {
      int next = 0;
      int failedStarts = 0;
      boolean first = true;
      while (next < calls.size()) {
        if (budget.exhausted()) {
          notRun(
              results,
              calls,
              next,
              "the submission's time limit of "
                  + seconds(limits.total())
                  + " ran out before this test started");
          break;
        }
        if (!first) {
          restarts++;
        }
        first = false;
        Progress progress =
            new ChildRun(run, calls, limits, results, budget, retried, uid).drive(next);
        if (uid >= 0) {
          ChildUids.reap(uid);
        }
        failedStarts = progress.started() ? 0 : failedStarts + 1;
        if (failedStarts >= 2) {
          notRun(
              results,
              calls,
              progress.next(),
              "the sandbox JVM did not start: " + progress.diagnostics());
          break;
        }
        next = progress.next();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      notRunRemaining(results, calls, "grading was interrupted");
    } finally {
      if (uid >= 0) {
        ChildUids.reap(uid);
        ChildUids.release(uid);
      }
    }
    notRunRemaining(results, calls, "the sandbox did not reach this test");
    return new SandboxRun(List.of(results), isolation, restarts);
  }

  /** Deletes the sandbox's working directory. */
  @Override
  public void close() {
    Trees.deleteQuietly(workRoot);
    Cleanup.release(workRoot);
  }

  /**
   * The wall-clock backstop of a CPU-time limit: how long a call may take, whatever CPU it used, so
   * that code that sleeps or blocks is stopped too. Generous, so that a busy machine, which slows a
   * call's wall time but not its CPU time, does not reach it: 3 × the limit + 2 s.
   */
  static Duration backstop(Duration limit) {
    return limit.multipliedBy(3).plusSeconds(2);
  }

  /**
   * The longest protocol line a report on a call can take: its answer (each character at most 3
   * bytes once escaped in the report), its two capped print streams and its capped message (each
   * character at most 6 bytes, as {@code \u0000}), in base64.
   */
  static long reportLineBytes(int maxAnswerChars, int outputBytes) {
    long json = 3L * maxAnswerChars + 6L * (2L * outputBytes + Harness.MAX_MESSAGE_CHARS) + 1024;
    return 4 * (json / 3 + 1) + 64;
  }

  /** How far one child got: the next call to run, and whether it started any call at all. */
  private record Progress(int next, boolean started, String diagnostics) {}

  /**
   * What a submission has spent, summed over its calls and its children: the charged time (CPU
   * time, or wall time where CPU time cannot be read) against the submission's limit, the calls'
   * wall time against that limit's backstop, and the bytes of printed output kept. JVM start-up is
   * never charged: the submission's clock runs only from a child's ready line to its last report.
   */
  private static final class Budget {

    private final long totalNanos;
    private final long totalWallNanos;
    private long charged;
    private long wall;
    private long keptBytes;

    Budget(SandboxLimits limits) {
      this.totalNanos = limits.total().toNanos();
      this.totalWallNanos = backstop(limits.total()).toNanos();
    }

    boolean exhausted() {
      return charged >= totalNanos || wall >= totalWallNanos;
    }

    long chargeLeft() {
      return Math.max(0, totalNanos - charged);
    }

    long wallLeft() {
      return Math.max(0, totalWallNanos - wall);
    }

    void spend(long chargedNanos, long wallNanos) {
      charged += Math.max(0, chargedNanos);
      wall += Math.max(0, wallNanos);
    }

    /**
     * {@code text}, or as much of it as the submission's budget for printed output has left, so
     * that what the grader holds for one student stays bounded whatever the student prints.
     */
    String keep(String text) {
      if (text.isEmpty()) {
        return text;
      }
      long size = text.getBytes(StandardCharsets.UTF_8).length;
      long left = MAX_KEPT_PRINT_BYTES - keptBytes;
      if (size <= left) {
        keptBytes += size;
        return text;
      }
      keptBytes = MAX_KEPT_PRINT_BYTES;
      return CappedBytes.truncate(text, (int) Math.max(0, left))
          + "\n[more output not kept: "
          + "this submission's tests printed more than "
          + (MAX_KEPT_PRINT_BYTES >> 20)
          + " MiB in all]";
    }
  }

  /** The life of one child JVM. */
  private final class ChildRun {

    private final RunDirectory run;
    private final List<Call> calls;
    private final SandboxLimits limits;
    private final CallResult[] results;
    private final Budget budget;
    private final boolean[] retried;
    private final int uid;

    ChildRun(
        RunDirectory run,
        List<Call> calls,
        SandboxLimits limits,
        CallResult[] results,
        Budget budget,
        boolean[] retried,
        int uid) {
      this.uid = uid;
      this.run = run;
      this.calls = calls;
      this.limits = limits;
      this.results = results;
      this.budget = budget;
      this.retried = retried;
    }

    Progress drive(int first) throws InterruptedException {
      String token = HexFormat.of().formatHex(randomBytes());
      boolean bubblewrap = isolation == IsolationLevel.BUBBLEWRAP;
      Path childClasses = bubblewrap ? Path.of("/mlgrade/student") : run.classes();
      // The class path directory (harness jar, its archive, the API) sits two levels above the
      // child's working directory at every level, as ChildArchive.classPath names it.
      Path childRoot =
          childPath(bubblewrap, classpath.root().getFileName().toString(), classpath.root());
      List<Bind> binds = new ArrayList<>();
      binds.add(new Bind(classpath.root(), childRoot, false));
      List<String> childClasspath = new ArrayList<>();
      childClasspath.add(
          childRoot.resolve(classpath.root().relativize(classpath.api())).toString());
      for (int i = 0; i < extraClasspath.size(); i++) {
        binds.add(
            new Bind(
                extraClasspath.get(i),
                childPath(bubblewrap, "extra" + i, extraClasspath.get(i)),
                false));
        childClasspath.add(binds.get(binds.size() - 1).child().toString());
      }
      binds.add(new Bind(run.classes(), childClasses, false));
      childClasspath.add(childClasses.toString());
      List<Request.Call> requested = new ArrayList<>();
      for (int i = first; i < calls.size(); i++) {
        Call call = calls.get(i);
        requested.add(
            new Request.Call(
                i, call.solverInterface(), call.method(), call.inputJson(), call.maxAnswerChars()));
      }
      Request request =
          new Request(
              token, limits.outputBytes(), childClasspath, childClasses.toString(), requested);
      byte[] requestBytes;
      try {
        requestBytes = request.toBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot encode the sandbox request", e);
      }
      // Under bubblewrap the child works in a private tmpfs and bwrap copies the request from
      // standard input; otherwise the request goes into a new host directory for this child.
      Path hostWork = run.newWork(bubblewrap ? null : requestBytes);
      Path childWork = bubblewrap ? Path.of("/mlgrade/run/work") : hostWork;
      if (!bubblewrap) {
        binds.add(new Bind(hostWork, childWork, true));
      }
      Path childRequest = childWork.resolve(RunDirectory.REQUEST);
      List<String> java =
          new ArrayList<>(
              List.of(
                  "-Xmx" + limits.heapMegabytes() + "m", "-Xss" + options.stackKilobytes() + "k"));
      java.addAll(CHILD_FLAGS);
      Optional<Path> shared = archive.getNow(Optional.empty());
      if (shared.isPresent()) {
        // Silent when the JVM cannot map it: the child then starts as without it.
        java.addAll(
            List.of(
                "-XX:SharedArchiveFile="
                    + childRoot.resolve(classpath.root().relativize(shared.get())),
                "-Xshare:auto",
                "-Xlog:cds*=off"));
      } else {
        java.add("-Xshare:auto");
      }
      java.addAll(
          List.of(
              "-cp",
              ChildArchive.classPath(classpath),
              "org.mlgrade.harness.Harness",
              childRequest.toString()));
      long cpuSeconds = 2 * Math.max(1, limits.total().toSeconds()) + 30;
      List<String> command =
          LaunchCommand.build(
              isolation, uid, binds, childWork, bubblewrap ? childRequest : null, cpuSeconds, java);
      long memoryBytes = MemoryWatchdog.limitFor(limits.heapMegabytes());
      // Where a cgroup can be made the kernel caps the child's memory; the watchdog runs anyway.
      Optional<ChildCgroup> cgroup = ChildCgroup.create(memoryBytes);
      if (cgroup.isPresent()) {
        command = cgroup.get().wrap(command);
      }
      ChildProcess child;
      try {
        child =
            ChildProcess.start(
                command,
                hostWork,
                bubblewrap ? requestBytes : null,
                token,
                limits.outputBytes(),
                index ->
                    index >= 0 && index < calls.size()
                        ? reportLineBytes(calls.get(index).maxAnswerChars(), limits.outputBytes())
                        : ProtocolReader.IDLE_LINE_BYTES);
      } catch (IOException e) {
        cgroup.ifPresent(ChildCgroup::close);
        return new Progress(first, false, "cannot start " + command.get(0) + ": " + e.getMessage());
      }
      MemoryWatchdog memory = MemoryWatchdog.watch(child.handle(), memoryBytes, cgroup);
      try (child) {
        return watch(child, first, memory);
      } finally {
        cgroup.ifPresent(ChildCgroup::close);
      }
    }

    /**
     * Follows the child's events with the grader's own clock: call {@code k} runs from the moment
     * the child's ready line (for the first call) or the report of call {@code k - 1} is read until
     * its own report is read, and is charged the child JVM's CPU time over that span (see {@link
     * ChildClock}). Nothing the child says about time is used.
     */
    private Progress watch(ChildProcess child, int first, MemoryWatchdog memory)
        throws InterruptedException {
      int current = -1;
      ChildClock clock = null;
      long callCharge0 = 0;
      long callWall0 = 0;
      long chargeLimit = 0;
      long wallLimit = 0;
      boolean chargeIsPerTest = true;
      boolean wallIsPerTest = true;
      long charged = 0;
      long startDeadline = System.nanoTime() + options.startupTimeout().toNanos();
      while (true) {
        long now = System.nanoTime();
        long wait;
        if (current < 0) {
          wait = startDeadline - now;
        } else {
          long wallLeft = callWall0 + wallLimit - now;
          wait = wallLeft;
          if (clock.measuresCpu()) {
            // CPU time runs at most as fast as the wall clock on every core at once: until then
            // the limit cannot have been reached. One reading of the clock per event, no more.
            wait = Math.min(wallLeft, Math.max(MIN_POLL_NANOS, (chargeLimit - charged) / CORES));
          }
        }
        ChildEvent event = child.next(wait);
        now = System.nanoTime();
        if (event == null) {
          if (current < 0) {
            child.kill();
            return new Progress(
                first,
                false,
                "the JVM was not ready within "
                    + seconds(options.startupTimeout())
                    + "; "
                    + child.stray().diagnostics());
          }
          long charge = clock.nanos() - callCharge0;
          long wall = now - callWall0;
          if (charge < chargeLimit && wall < wallLimit) {
            charged = charge;
            continue;
          }
          child.kill();
          budget.spend(charge, wall);
          boolean byCharge = charge >= chargeLimit;
          return timedOut(
              child,
              current,
              byCharge ? chargeIsPerTest : wallIsPerTest,
              byCharge,
              clock.measuresCpu(),
              wall);
        }
        if (event instanceof ChildEvent.Ready r) {
          if (current < 0 && r.index() == first) {
            clock = child.clock();
            current = first;
            callCharge0 = clock.nanos();
            callWall0 = System.nanoTime();
            charged = 0;
            chargeLimit = chargeLimit(clock);
            wallLimit = wallLimit(clock);
            chargeIsPerTest = chargeLimit == limits.perTest().toNanos();
            wallIsPerTest = wallLimit == perTestWall(clock);
          }
          continue;
        }
        if (current < 0) {
          if (event instanceof ChildEvent.Ended) {
            OptionalInt status = child.exitStatus(FINISH_MILLIS);
            child.kill();
            return new Progress(
                first,
                false,
                "the JVM stopped "
                    + (status.isPresent()
                        ? "with exit status " + status.getAsInt()
                        : "after closing its output")
                    + " before it was ready; "
                    + child.stray().diagnostics());
          }
          continue;
        }
        long charge = clock.nanos() - callCharge0;
        long wall = now - callWall0;
        if (event instanceof ChildEvent.Reported r) {
          if (r.index() != current) {
            continue;
          }
          budget.spend(charge, wall);
          results[current] = fromReport(calls.get(current), r.report(), r.stray(), wall);
          current++;
          if (current == calls.size()) {
            finish(child);
            return new Progress(current, true, "");
          }
          // After running out of heap the harness halts so that the next call gets a fresh JVM.
          if (budget.exhausted() || results[current - 1].status() == CallStatus.OUT_OF_MEMORY) {
            child.kill();
            return new Progress(current, true, "");
          }
          callCharge0 += charge;
          callWall0 = now;
          charged = 0;
          chargeLimit = chargeLimit(clock);
          wallLimit = wallLimit(clock);
          chargeIsPerTest = chargeLimit == limits.perTest().toNanos();
          wallIsPerTest = wallLimit == perTestWall(clock);
        } else if (event instanceof ChildEvent.Flooded f) {
          if (f.index() == current) {
            child.kill();
            budget.spend(charge, wall);
            results[current] =
                flood(
                    calls.get(current), f.report().stdout(), f.report().stderr(), f.stray(), wall);
            return new Progress(current + 1, true, "");
          }
        } else if (event instanceof ChildEvent.RawFlood f) {
          if (f.index() == current) {
            child.kill();
            budget.spend(charge, wall);
            StrayOutput.Captured stray = child.stray().end(current);
            results[current] = flood(calls.get(current), "", "", stray, wall);
            return new Progress(current + 1, true, "");
          }
        } else if (event instanceof ChildEvent.Oversized o) {
          if (o.index() == current) {
            child.kill();
            budget.spend(charge, wall);
            StrayOutput.Captured stray = child.stray().end(current);
            results[current] =
                tooLarge(
                    calls.get(current),
                    "its report was longer than any "
                        + "answer to this test can be, and was not read",
                    stray,
                    wall);
            return new Progress(current + 1, true, "");
          }
        } else if (event instanceof ChildEvent.Ended) {
          OptionalInt status = child.exitStatus(FINISH_MILLIS);
          child.kill();
          budget.spend(charge, wall);
          String how =
              status.isPresent()
                  ? "with exit status " + status.getAsInt()
                  : "after closing its output";
          StrayOutput.Captured stray = child.stray().end(current);
          results[current] =
              memory.tripped()
                  ? new CallResult(
                      calls.get(current).key(),
                      CallStatus.OUT_OF_MEMORY,
                      null,
                      "used more than "
                          + (memory.limitBytes() >> 20)
                          + " MiB of memory (twice the "
                          + "heap limit plus 256 MiB, native memory included) and was stopped",
                      wall,
                      keep(stray.stdout()),
                      keep(stray.stderr()))
                  : new CallResult(
                      calls.get(current).key(),
                      CallStatus.EXITED,
                      null,
                      "the JVM stopped during this test "
                          + how
                          + " (System.exit, Runtime.halt or a crash)",
                      wall,
                      keep(stray.stdout()),
                      keep(stray.stderr()));
          return new Progress(current + 1, true, "");
        }
        // ChildEvent.Done before the last report, or an event about another call: ignored.
      }
    }

    /** What the next call may be charged: the per-test limit, or what is left of the total. */
    private long chargeLimit(ChildClock clock) {
      return Math.min(
          limits.perTest().toNanos(),
          clock.measuresCpu()
              ? budget.chargeLeft()
              : Math.min(budget.chargeLeft(), budget.wallLeft()));
    }

    /** How long the next call may take by the wall clock: the backstop of a CPU-time limit. */
    private long wallLimit(ChildClock clock) {
      return Math.min(
          perTestWall(clock),
          clock.measuresCpu()
              ? budget.wallLeft()
              : Math.min(budget.chargeLeft(), budget.wallLeft()));
    }

    private long perTestWall(ChildClock clock) {
      return clock.measuresCpu()
          ? backstop(limits.perTest()).toNanos()
          : limits.perTest().toNanos();
    }

    /**
     * Call {@code index} ran out of time and its child was killed. A first time-out against the
     * per-test limit is tried again in a fresh JVM, so that a moment of contention on a busy
     * machine does not cost a student the test; a second one, or the submission's limit running
     * out, is the result.
     */
    private Progress timedOut(
        ChildProcess child, int index, boolean perTest, boolean byCharge, boolean cpu, long wall) {
      if (perTest && !retried[index] && !budget.exhausted()) {
        retried[index] = true;
        return new Progress(index, true, "");
      }
      String why;
      // Not retried although the per-test limit was hit: the submission's time is used up too.
      if (!perTest || !retried[index]) {
        why =
            "the submission's time limit of "
                + seconds(limits.total())
                + (cpu ? " of CPU time" : "")
                + " ran out during this test, which was stopped";
      } else if (!cpu) {
        why =
            "ran longer than the limit of "
                + seconds(limits.perTest())
                + " per test (wall-clock "
                + "time: CPU time cannot be read on this system) and was stopped, also when run "
                + "again in a fresh JVM";
      } else if (byCharge) {
        why =
            "used more than the limit of "
                + seconds(limits.perTest())
                + " per test of CPU "
                + "time and was stopped, also when run again in a fresh JVM";
      } else {
        why =
            "took longer than "
                + seconds(backstop(limits.perTest()))
                + " of wall-clock time "
                + "(the limit of "
                + seconds(limits.perTest())
                + " per test counts CPU time; code "
                + "that sleeps or waits is stopped after 3 × the limit + 2 s) and was stopped, also "
                + "when run again in a fresh JVM";
      }
      StrayOutput.Captured stray = child.stray().peek(index);
      results[index] =
          new CallResult(
              calls.get(index).key(),
              CallStatus.TIMED_OUT,
              null,
              why,
              wall,
              keep(stray.stdout()),
              keep(stray.stderr()));
      return new Progress(index + 1, true, "");
    }

    /** After the last report: let the child halt itself, briefly, then kill it anyway. */
    private void finish(ChildProcess child) throws InterruptedException {
      child.exitStatus(FINISH_MILLIS);
      child.kill();
    }

    private CallResult fromReport(Call call, Report report, StrayOutput.Captured stray, long wall) {
      String stdout = keep(cap(nonNull(report.stdout()) + stray.stdout()));
      String stderr = keep(cap(nonNull(report.stderr()) + stray.stderr()));
      if (!CHILD_STATUSES.contains(report.status())) {
        return new CallResult(
            call.key(),
            CallStatus.EXITED,
            null,
            "the sandbox's report on this test was not understood",
            wall,
            stdout,
            stderr);
      }
      CallStatus status = CallStatus.valueOf(report.status());
      if (status == CallStatus.RETURNED && report.outputJson() == null) {
        return new CallResult(
            call.key(),
            CallStatus.EXITED,
            null,
            "the sandbox's report on this test carried no value",
            wall,
            stdout,
            stderr);
      }
      if (status == CallStatus.RETURNED && report.outputJson().length() > call.maxAnswerChars()) {
        status = CallStatus.ANSWER_TOO_LARGE;
      }
      String message = nonNull(report.message());
      if (status == CallStatus.ANSWER_TOO_LARGE) {
        message = tooLargeMessage(call);
      }
      if (message.length() > MAX_MESSAGE_CHARS) {
        message = message.substring(0, MAX_MESSAGE_CHARS) + "...";
      }
      return new CallResult(
          call.key(),
          status,
          status == CallStatus.RETURNED ? report.outputJson() : null,
          message,
          wall,
          stdout,
          stderr);
    }

    private CallResult tooLarge(Call call, String how, StrayOutput.Captured stray, long wall) {
      return new CallResult(
          call.key(),
          CallStatus.ANSWER_TOO_LARGE,
          null,
          tooLargeMessage(call) + "; " + how,
          wall,
          keep(cap(stray.stdout())),
          keep(cap(stray.stderr())));
    }

    private CallResult flood(
        Call call, String stdout, String stderr, StrayOutput.Captured stray, long wall) {
      return new CallResult(
          call.key(),
          CallStatus.OUTPUT_FLOOD,
          null,
          "printed more than " + limits.outputBytes() + " bytes of output and was stopped",
          wall,
          keep(cap(nonNull(stdout) + stray.stdout())),
          keep(cap(nonNull(stderr) + stray.stderr())));
    }

    private String keep(String text) {
      return budget.keep(text);
    }

    private String cap(String text) {
      return CappedBytes.truncate(text, limits.outputBytes());
    }
  }

  private static String tooLargeMessage(Call call) {
    return "the returned value is longer than any answer to this test can be (more than "
        + call.maxAnswerChars()
        + " characters of JSON)";
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
    if (limits.perTest().isNegative()
        || limits.perTest().isZero()
        || limits.total().isNegative()
        || limits.total().isZero()) {
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
