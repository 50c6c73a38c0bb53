package org.mlgrade.grader.submission;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a student's submission in-process against the student API only.
 *
 * <p>One call copies the submission's {@code .java} files into {@code workDir/src} (see
 * {@link SourceLimits}), compiles them with {@code --release 17 -proc:none -implicit:none} into
 * {@code workDir/classes}, and checks the compiled syntax trees against the rubric's static rules.
 * When some files do not compile, they are left out and the rest compiled again, until what is
 * left compiles (or nothing is left): one broken file costs only the questions that need it.
 *
 * <p>An instance keeps one {@link JavaCompiler}, so that the compiler's classes stay loaded and
 * JIT-compiled across submissions, and is safe to use from several threads at once: every call
 * has its own file manager and compilation task.
 */
public final class SubmissionCompiler {

  /** The compiler's options; class path, output and source path are set on the file manager. */
  private static final List<String> OPTIONS = List.of("--release", "17", "-proc:none",
      "-implicit:none", "-encoding", "UTF-8", "-g:source,lines", "-Xmaxerrs", "100",
      "-Xmaxwarns", "100");
  /** After this many rounds of leaving files out, the rest is given up. */
  private static final int MAX_ROUNDS = 25;
  /** Compiler messages kept per submission. */
  private static final int MAX_MESSAGES = 200;
  /** Characters kept of one compiler message. */
  private static final int MAX_MESSAGE_CHARS = 2000;

  /** The compiler time one submission may take, by default. */
  public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);
  /** The wall-clock backstop, as a multiple of the budget (a compile thread starved by load). */
  private static final long WALL_FACTOR = 10;
  private static final long POLL_MILLIS = 100;

  private final JavaCompiler compiler;
  private final Path apiClasspath;
  private final SourceCollector collector;
  private final Duration budget;

  /**
   * A compiler against {@code apiClasspath} with the default {@link SourceLimits}.
   *
   * @param apiClasspath a directory or jar holding the student API classes, and nothing the
   *     student may not see ({@code ChildClasspath.api()} in production)
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
    this(apiClasspath, limits, DEFAULT_BUDGET);
  }

  /**
   * A compiler against {@code apiClasspath} that reads submissions within {@code limits} and
   * stops a compilation after {@code budget} of the compiler thread's CPU time (or ten times that
   * of wall time): hostile sources can make javac exponential. A stopped compilation is a
   * submission with every source left out and a problem that says why; the next one compiles
   * normally.
   *
   * @throws IllegalArgumentException when {@code apiClasspath} does not exist
   * @throws IllegalStateException when this Java runtime has no system compiler (a JRE)
   */
  public SubmissionCompiler(Path apiClasspath, SourceLimits limits, Duration budget) {
    this.budget = Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(apiClasspath, "apiClasspath");
    Objects.requireNonNull(limits, "limits");
    if (!Files.exists(apiClasspath)) {
      throw new IllegalArgumentException("the API class path " + apiClasspath
          + " does not exist");
    }
    JavaCompiler system = ToolProvider.getSystemJavaCompiler();
    if (system == null) {
      throw new IllegalStateException("this Java runtime (" + System.getProperty("java.home")
          + ") has no system Java compiler; run the grader on a JDK, not a JRE");
    }
    this.compiler = system;
    this.apiClasspath = apiClasspath.toAbsolutePath();
    this.collector = new SourceCollector(limits);
  }

  /**
   * Loads, compiles and checks a submission.
   *
   * <p>Static checks cover the files that compiled, the only code that can run; files left out
   * are reported through their compile messages instead.
   *
   * <p>Nothing about the student's files makes this throw: an unreadable zip, no sources, junk
   * bytes or a huge file become {@link CompiledSubmission#problems()} or compile messages.
   *
   * @param submission a directory or a {@code .zip} of Java sources in any layout, or one
   *     {@code .java} file
   * @param workDir a private directory for this submission; {@code src} and {@code classes} are
   *     created in it and must not exist yet
   * @param staticRules ids of the {@link StaticRule}s to check, e.g. {@code "no-exit"}
   * @return the compiled classes directory, sources, files left out, messages and findings
   * @throws IllegalArgumentException when a rule id is unknown
   * @throws UncheckedIOException when {@code workDir} cannot be prepared
   */
  public CompiledSubmission compile(Path submission, Path workDir, Set<String> staticRules) {
    Objects.requireNonNull(submission, "submission");
    Objects.requireNonNull(workDir, "workDir");
    Set<StaticRule> rules = StaticRule.parse(staticRules);
    Path srcDir = createFresh(workDir.toAbsolutePath().resolve("src"));
    Path classesDir = createFresh(workDir.toAbsolutePath().resolve("classes"));
    SourceCollector.Collected collected = collector.collect(submission, srcDir);
    FutureTask<CompiledSubmission> task = new FutureTask<>(
        () -> compileCollected(collected, srcDir, classesDir, workDir, rules));
    Thread thread = new Thread(task, "mlgrade-javac");
    thread.setDaemon(true);
    thread.start();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long wallDeadline = System.nanoTime() + WALL_FACTOR * budget.toNanos();
    while (true) {
      try {
        return task.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long cpu = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(thread.getId())
            : -1;
        if (cpu > budget.toNanos() || System.nanoTime() > wallDeadline) {
          stop(thread);
          return stopped(collected, workDir, "compilation took too long: it was stopped after "
              + budget.toSeconds() + " s of compiler time; simplify deeply nested generic calls, "
              + "conditional expressions or constant expressions");
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof OutOfMemoryError) {
          return stopped(collected, workDir, "compilation needed more memory than the grader "
              + "has; simplify very long constant expressions");
        }
        throw e.getCause() instanceof RuntimeException r ? r
            : new IllegalStateException("the compiler failed", e.getCause());
      } catch (InterruptedException e) {
        stop(thread);
        Thread.currentThread().interrupt();
        return stopped(collected, workDir, "compilation was interrupted");
      }
    }
  }

  /** Stops a compile thread: at once where the JDK still can, otherwise it is abandoned. */
  @SuppressWarnings({"removal", "deprecation"})
  private static void stop(Thread thread) {
    thread.setPriority(Thread.MIN_PRIORITY);
    try {
      thread.stop();
    } catch (UnsupportedOperationException e) {
      // JDK 20+: the thread runs on, a daemon nobody waits for; its output directory is unused.
    }
  }

  /** A submission whose compilation was stopped: nothing compiled, every source left out. */
  private static CompiledSubmission stopped(SourceCollector.Collected collected, Path workDir,
      String why) {
    Path empty = createFresh(workDir.toAbsolutePath().resolve("classes-none"));
    List<String> problems = new ArrayList<>(collected.problems());
    problems.add(why);
    return new CompiledSubmission(empty, collected.sources(), collected.sources(), List.of(),
        List.of(), problems);
  }

  private CompiledSubmission compileCollected(SourceCollector.Collected collected, Path srcDir,
      Path classesDir, Path workDir, Set<StaticRule> rules) {
    List<String> problems = new ArrayList<>(collected.problems());

    List<String> remaining = new ArrayList<>(collected.sources());
    List<String> excluded = new ArrayList<>();
    Set<CompileMessage> messages = new LinkedHashSet<>();
    List<StaticFinding> findings = List.of();
    boolean compiled = false;
    int rounds = 0;
    while (!remaining.isEmpty()) {
      if (++rounds > MAX_ROUNDS) {
        problems.add("compilation was given up after leaving files out " + MAX_ROUNDS
            + " times; these files were not compiled: " + String.join(", ", remaining));
        excluded.addAll(remaining);
        break;
      }
      clear(classesDir);
      Round round = compileOnce(srcDir, remaining, classesDir, rules);
      messages.addAll(round.messages());
      if (round.failing().isEmpty() && round.failure() == null && round.crash() == null) {
        findings = round.findings();
        if (round.checkFailure() != null) {
          problems.add(round.checkFailure());
        }
        compiled = true;
        break;
      }
      List<String> failing = round.failing();
      if (failing.isEmpty() && round.crash() != null) {
        failing = remaining.size() == 1 ? List.copyOf(remaining)
            : crashingAlone(srcDir, remaining, workDir.toAbsolutePath().resolve("probe"));
        for (String file : failing) {
          problems.add("the compiler crashed on " + file + " (" + round.crash()
              + "); simplify deeply nested or very long expressions");
        }
      }
      if (failing.isEmpty()) {
        problems.add((round.crash() != null ? "the compiler crashed (" + round.crash() + ")"
            : round.failure()) + "; these files were not compiled: "
            + String.join(", ", remaining));
        excluded.addAll(remaining);
        break;
      }
      remaining.removeAll(failing);
      excluded.addAll(failing);
    }
    if (!compiled) {
      clear(classesDir); // a run that failed while writing classes may have left some
    }
    List<CompileMessage> kept = messages.stream().limit(MAX_MESSAGES).toList();
    if (messages.size() > MAX_MESSAGES) {
      problems.add((messages.size() - MAX_MESSAGES) + " more compiler messages were left out");
    }
    return new CompiledSubmission(classesDir, collected.sources(), excluded, kept, findings,
        problems);
  }

  /**
   * One javac run over {@code files}.
   *
   * @param failing the files with errors, sorted; empty when everything compiled or when the
   *     compiler failed without naming a file
   * @param failure why the compiler failed without naming a file, or null
   * @param crash the exception the compiler itself threw (such as a stack overflow on deeply
   *     nested code), or null
   * @param checkFailure why the static checks did not finish, or null
   */
  private record Round(List<String> failing, String failure, String crash,
      List<CompileMessage> messages, List<StaticFinding> findings, String checkFailure) {}

  /**
   * The files among {@code files} that crash the compiler when compiled alone, each compiled into
   * a scratch directory under {@code probeDir}; errors that come from compiling a file without
   * the others do not count.
   */
  private List<String> crashingAlone(Path srcDir, List<String> files, Path probeDir) {
    List<String> crashing = new ArrayList<>();
    try {
      Files.createDirectories(probeDir);
      for (String file : files) {
        clear(probeDir);
        if (compileOnce(srcDir, List.of(file), probeDir, Set.of()).crash() != null) {
          crashing.add(file);
        }
      }
      clear(probeDir);
      Files.delete(probeDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the scratch directory " + probeDir, e);
    }
    return crashing;
  }

  private Round compileOnce(Path srcDir, List<String> files, Path classesDir,
      Set<StaticRule> rules) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter otherOutput = new StringWriter();
    try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics,
        Locale.ENGLISH, StandardCharsets.UTF_8)) {
      fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(apiClasspath));
      fileManager.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
      fileManager.setLocationFromPaths(StandardLocation.ANNOTATION_PROCESSOR_PATH, List.of());
      fileManager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classesDir));
      Map<URI, String> names = new HashMap<>();
      List<Path> paths = new ArrayList<>();
      for (String file : files) {
        Path path = srcDir.resolve(file);
        paths.add(path);
        names.put(path.toUri().normalize(), file);
      }
      JavacTask task = (JavacTask) compiler.getTask(otherOutput, fileManager, diagnostics,
          OPTIONS, null, fileManager.getJavaFileObjectsFromPaths(paths));
      List<StaticFinding> findings = List.of();
      String failure = null;
      String crash = null;
      String checkFailure = null;
      try {
        Iterable<? extends CompilationUnitTree> units = task.parse();
        task.analyze();
        if (!hasErrors(diagnostics)) {
          try {
            findings = check(task, units, names, rules);
          } catch (RuntimeException | StackOverflowError e) {
            checkFailure = "the static checks could not finish (" + rootCause(e) + ")";
          }
          task.generate();
        }
      } catch (RuntimeException | StackOverflowError | AssertionError e) {
        crash = rootCause(e);
      }
      List<CompileMessage> messages = new ArrayList<>();
      Set<String> failing = new TreeSet<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        CompileMessage message = message(d, names);
        if (message != null) {
          messages.add(message);
          if (message.error() && names.containsValue(message.file())) {
            failing.add(message.file());
          }
        }
      }
      if (crash == null && failing.isEmpty() && hasErrors(diagnostics)) {
        failure = "the compiler failed without naming a file"
            + (otherOutput.toString().isBlank() ? "" : " (" + otherOutput.toString().strip()
                + ")");
      }
      return new Round(List.copyOf(failing), failure, crash, messages, findings, checkFailure);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compile in " + classesDir, e);
    }
  }

  private static List<StaticFinding> check(JavacTask task,
      Iterable<? extends CompilationUnitTree> units, Map<URI, String> names,
      Set<StaticRule> rules) {
    if (rules.isEmpty()) {
      return List.of();
    }
    StaticChecker checker = new StaticChecker(task, rules);
    List<StaticFinding> findings = new ArrayList<>();
    for (CompilationUnitTree unit : units) {
      String file = names.getOrDefault(unit.getSourceFile().toUri().normalize(),
          unit.getSourceFile().getName());
      findings.addAll(checker.check(unit, file));
    }
    return findings;
  }

  /** The innermost cause's class (javac wraps a stack overflow in other exceptions). */
  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName();
  }

  private static boolean hasErrors(DiagnosticCollector<JavaFileObject> diagnostics) {
    return diagnostics.getDiagnostics().stream()
        .anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
  }

  /** The message for the student, or null for notes (such as "uses unchecked operations"). */
  private static CompileMessage message(Diagnostic<? extends JavaFileObject> d,
      Map<URI, String> names) {
    boolean error = d.getKind() == Diagnostic.Kind.ERROR;
    if (!error && d.getKind() != Diagnostic.Kind.WARNING
        && d.getKind() != Diagnostic.Kind.MANDATORY_WARNING) {
      return null;
    }
    String file = d.getSource() == null ? ""
        : names.getOrDefault(d.getSource().toUri().normalize(), d.getSource().getName());
    String text = d.getMessage(Locale.ENGLISH);
    if (text.length() > MAX_MESSAGE_CHARS) {
      text = text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
    return new CompileMessage(file, Math.max(0, d.getLineNumber()),
        Math.max(0, d.getColumnNumber()), error, text);
  }

  private static Path createFresh(Path dir) {
    try {
      Files.createDirectories(dir.getParent());
      return Files.createDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the fresh work directory " + dir, e);
    }
  }

  /** Empties {@code dir}, keeping the directory itself. */
  private static void clear(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> inside = walk.filter(p -> !p.equals(dir))
          .sorted(Comparator.reverseOrder()).toList();
      for (Path path : inside) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty the classes directory " + dir, e);
    }
  }
}
