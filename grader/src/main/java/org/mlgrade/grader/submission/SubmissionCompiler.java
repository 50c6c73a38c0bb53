package org.mlgrade.grader.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.ToolProvider;
import org.mlgrade.grader.io.Trees;
import org.mlgrade.grader.sandbox.Cleanup;

/**
 * Compiles a student's submission against the student API only, in a separate compiler JVM.
 *
 * <p>One call copies the submission's {@code .java} files into {@code workDir/src} (see {@link
 * SourceLimits}), compiles them with {@code --release 17 -proc:none -implicit:none} into {@code
 * workDir/classes}, and checks the compiled syntax trees against the rubric's static rules. When
 * some files do not compile, they are left out and the rest compiled again, until what is left
 * compiles (or nothing is left): one broken file costs only the questions that need it.
 *
 * <p>javac is student input too (nested generic inference is exponential, constant folding can fill
 * any heap), so it runs in compiler JVMs of its own ({@link CompilerWorker}): each with a bounded
 * heap, C1 only and the serial collector, its class path this package's classes alone, fed the
 * submission's copied sources and the API's class path, never the reference. The first JVM starts
 * with the compiler, so that it warms up while the grader does other work; JVMs are reused across
 * submissions (one per compile running at once). A compile that uses more than its budget of CPU
 * time, or runs out of heap, is stopped by killing its JVM: the submission gets nothing compiled
 * and a problem that says why, a new JVM is started, and the next submission compiles normally. An
 * instance is safe to use from several threads at once; close it to stop its JVMs.
 */
public final class SubmissionCompiler implements AutoCloseable {

  /** The compiler time one submission may take, by default. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

  /**
   * The compiler JVM's heap, by default: javac needs well under 100 MiB for a homework of a few
   * dozen files; more is a source built to exhaust it.
   */
  public static final int DEFAULT_HEAP_MEGABYTES = 256;

  /** The wall-clock backstop, as a multiple of the budget (a compile starved by load). */
  private static final long WALL_FACTOR = 10;

  /** How long a compiler JVM may take to start and warm up, by the wall clock. */
  private static final Duration STARTUP = Duration.ofSeconds(120);

  private final Path apiClasspath;
  private final SourceCollector collector;
  private final Duration budget;
  private final int heapMegabytes;
  private final Path classes;
  private final CompilerArchive archive;
  private final Deque<CompilerJvm> idle = new ArrayDeque<>();
  private final Set<CompilerJvm> live = ConcurrentHashMap.newKeySet();
  private boolean closed;

  /**
   * A compiler against {@code apiClasspath} with the default {@link SourceLimits}.
   *
   * @param apiClasspath a directory or jar holding the student API classes, and nothing the student
   *     may not see ({@code ChildClasspath.api()} in production)
   * @throws IllegalStateException when this Java runtime has no system compiler (a JRE)
   */
  public SubmissionCompiler(Path apiClasspath) {
    this(apiClasspath, SourceLimits.DEFAULT);
  }

  /**
   * A compiler against {@code apiClasspath} that reads submissions within {@code limits}.
   *
   * @throws IllegalArgumentException when {@code apiClasspath} does not exist
   * @throws IllegalStateException when this Java runtime has no system compiler (a JRE)
   */
  public SubmissionCompiler(Path apiClasspath, SourceLimits limits) {
    this(apiClasspath, limits, DEFAULT_BUDGET, DEFAULT_HEAP_MEGABYTES);
  }

  /**
   * A compiler against {@code apiClasspath} that reads submissions within {@code limits} and stops
   * a compilation after {@code budget} of the compiler JVM's CPU time (or ten times that of wall
   * time) or when it needs more than {@code heapMegabytes} of heap. A stopped compilation is a
   * submission with every source left out and a problem that says why; the next one compiles
   * normally.
   *
   * @throws IllegalArgumentException when {@code apiClasspath} does not exist
   * @throws IllegalStateException when this Java runtime has no system compiler (a JRE)
   */
  public SubmissionCompiler(
      Path apiClasspath, SourceLimits limits, Duration budget, int heapMegabytes) {
    this.budget = Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(apiClasspath, "apiClasspath");
    Objects.requireNonNull(limits, "limits");
    if (!Files.exists(apiClasspath)) {
      throw new IllegalArgumentException("the API class path " + apiClasspath + " does not exist");
    }
    if (ToolProvider.getSystemJavaCompiler() == null) {
      throw new IllegalStateException(
          "this Java runtime ("
              + System.getProperty("java.home")
              + ") has no system Java compiler; run the grader on a JDK, not a JRE");
    }
    this.apiClasspath = apiClasspath.toAbsolutePath();
    this.collector = new SourceCollector(limits);
    this.heapMegabytes = heapMegabytes;
    try {
      this.classes = Cleanup.register(Files.createTempDirectory("mlgrade-compiler-"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the compiler's temporary folder", e);
    }
    archive = CompilerArchive.prepare(classes, this.apiClasspath, heapMegabytes);
    idle.push(startJvm());
  }

  /**
   * Loads, compiles and checks a submission.
   *
   * <p>Static checks cover the files that compiled, the only code that can run; files left out are
   * reported through their compile messages instead.
   *
   * <p>Nothing about the student's files makes this throw: an unreadable zip, no sources, junk
   * bytes, a huge file or a compile that takes too much time or memory become {@link
   * CompiledSubmission#problems()} or compile messages.
   *
   * @param submission a directory or a {@code .zip} of Java sources in any layout, or one {@code
   *     .java} file
   * @param workDir a private directory for this submission; {@code src} and {@code classes} are
   *     created in it and must not exist yet
   * @param staticRules ids of the {@link StaticRule}s to check, e.g. {@code "no-exit"}
   * @return the compiled classes directory, sources, files left out, messages and findings
   * @throws IllegalArgumentException when a rule id is unknown
   * @throws UncheckedIOException when {@code workDir} cannot be prepared
   * @throws IllegalStateException when the compiler JVM cannot be started or fails twice in a way
   *     that is not the submission's (the grader's failure, not the student's)
   */
  public CompiledSubmission compile(Path submission, Path workDir, Set<String> staticRules) {
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(workDir, "workDir");
    List<String> rules =
        StaticRule.parse(staticRules).stream().map(StaticRule::id).sorted().toList();
    Path srcDir = createFresh(workDir.toAbsolutePath().resolve("src"));
    Path classesDir = createFresh(workDir.toAbsolutePath().resolve("classes"));
    SourceCollector.Collected collected = collector.collect(submission, srcDir);
    if (collected.sources().isEmpty()) {
      return new CompiledSubmission(
          classesDir, List.of(), List.of(), List.of(), List.of(), collected.problems());
    }
    CompileWire.Request request =
        new CompileWire.Request(
            srcDir,
            collected.sources(),
            classesDir,
            workDir.toAbsolutePath().resolve("probe"),
            rules);
    String died = null;
    for (int attempt = 0; attempt < 2; attempt++) {
      CompilerJvm jvm = take();
      CompilerJvm.Outcome outcome = jvm.compile(request, budget, WALL_FACTOR, STARTUP);
      if (outcome instanceof CompilerJvm.Done done) {
        give(jvm);
        CompileWire.Reply reply = done.reply();
        if (reply.failure() != null) {
          throw new IllegalStateException("the compiler failed: " + reply.failure());
        }
        List<String> problems = new ArrayList<>(collected.problems());
        problems.addAll(reply.problems());
        return new CompiledSubmission(
            classesDir,
            collected.sources(),
            reply.excluded(),
            reply.messages(),
            reply.findings(),
            problems);
      }
      retire(jvm);
      if (outcome instanceof CompilerJvm.Stopped stopped) {
        if (stopped.why() == CompilerJvm.Stop.INTERRUPTED) {
          Thread.currentThread().interrupt();
        }
        return stopped(
            collected,
            workDir,
            switch (stopped.why()) {
              case TIME ->
                  "compilation took too long: it was stopped after "
                      + budget.toSeconds()
                      + " s of compiler time; simplify deeply nested generic "
                      + "calls, conditional expressions or constant expressions";
              case MEMORY ->
                  "compilation used too much memory: the compiler was stopped at its "
                      + "limit of "
                      + heapMegabytes
                      + " MiB; simplify very long constant expressions "
                      + "or deeply nested code";
              case INTERRUPTED -> "compilation was interrupted";
            });
      }
      died = ((CompilerJvm.Died) outcome).diagnostics();
    }
    throw new IllegalStateException(died);
  }

  /** Stops the compiler JVMs and deletes their class path. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      idle.clear();
    }
    live.forEach(CompilerJvm::close);
    Trees.deleteQuietly(classes);
    Cleanup.release(classes);
  }

  /** An idle warm JVM, or a new one. */
  private CompilerJvm take() {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the compiler is closed");
      }
      CompilerJvm jvm = idle.poll();
      if (jvm != null && jvm.isAlive()) {
        return jvm;
      }
      if (jvm != null) {
        live.remove(jvm);
      }
    }
    return startJvm();
  }

  private void give(CompilerJvm jvm) {
    synchronized (this) {
      if (!closed) {
        idle.push(jvm);
        return;
      }
    }
    jvm.close();
    live.remove(jvm);
  }

  /** Ends a JVM that was stopped or died, and starts its replacement at once. */
  private void retire(CompilerJvm jvm) {
    jvm.close();
    live.remove(jvm);
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    try {
      give(startJvm());
    } catch (IllegalStateException e) {
      // The next compile tries again, and reports it.
    }
  }

  private CompilerJvm startJvm() {
    try {
      CompilerJvm jvm = CompilerJvm.start(archive, apiClasspath, heapMegabytes);
      live.add(jvm);
      return jvm;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the compiler JVM: " + e.getMessage(), e);
    }
  }

  /** A submission whose compilation was stopped: nothing compiled, every source left out. */
  private static CompiledSubmission stopped(
      SourceCollector.Collected collected, Path workDir, String why) {
    Path empty = createFresh(workDir.toAbsolutePath().resolve("classes-none"));
    List<String> problems = new ArrayList<>(collected.problems());
    problems.add(why);
    return new CompiledSubmission(
        empty, collected.sources(), collected.sources(), List.of(), List.of(), problems);
  }

  private static Path createFresh(Path dir) {
    try {
      Files.createDirectories(dir.getParent());
      return Files.createDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the fresh work directory " + dir, e);
    }
  }
}
