package org.mlgrade.grader.submission;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The rounds of javac that compile a submission, run inside the compiler JVM ({@link
 * CompilerWorker}): the sources are compiled with {@code --release 17 -proc:none -implicit:none}
 * against the student API alone and checked against the rubric's static rules; when some files do
 * not compile, they are left out and the rest compiled again, until what is left compiles (or
 * nothing is left).
 */
final class JavacRounds {

  /** The compiler's options; class path, output and source path are set on the file manager. */
  private static final List<String> OPTIONS =
      List.of(
          "--release",
          "17",
          "-proc:none",
          "-implicit:none",
          "-encoding",
          "UTF-8",
          "-g:source,lines",
          "-Xmaxerrs",
          "100",
          "-Xmaxwarns",
          "100");

  /** After this many rounds of leaving files out, the rest is given up. */
  private static final int MAX_ROUNDS = 25;

  /** Compiler messages kept per submission. */
  private static final int MAX_MESSAGES = 200;

  /** Characters kept of one compiler message. */
  private static final int MAX_MESSAGE_CHARS = 2000;

  private final JavaCompiler compiler;
  private final Path apiClasspath;

  /**
   * @throws IllegalStateException when this Java runtime has no system compiler (a JRE)
   */
  JavacRounds(Path apiClasspath) {
    JavaCompiler system = ToolProvider.getSystemJavaCompiler();
    if (system == null) {
      throw new IllegalStateException(
          "this Java runtime ("
              + System.getProperty("java.home")
              + ") has no system Java compiler; run the grader on a JDK, not a JRE");
    }
    this.compiler = system;
    this.apiClasspath = apiClasspath.toAbsolutePath();
  }

  /**
   * Loads and initialises the compiler by analysing a tiny class against the API (nothing is
   * written), so that the first submission does not pay for it.
   */
  void warmUp() {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
      fileManager.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of(apiClasspath));
      JavaFileObject source =
          new SimpleJavaFileObject(URI.create("string:///Warm.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
              return "import java.util.*; class Warm { List<String> a = new ArrayList<>(); "
                  + "double f(double[] x) { return Math.exp(x[0]) + a.size(); } }";
            }
          };
      JavacTask task =
          (JavacTask)
              compiler.getTask(
                  new StringWriter(), fileManager, diagnostics, OPTIONS, null, List.of(source));
      task.parse();
      task.analyze();
    } catch (IOException | RuntimeException e) {
      // Only a warm-up: the first real compile reports whatever is wrong.
    }
  }

  /** Compiles what of {@code request}'s sources compiles, leaving out the files that do not. */
  CompileWire.Reply compile(CompileWire.Request request) {
    Path srcDir = request.srcDir();
    Path classesDir = request.classesDir();
    Set<StaticRule> rules = StaticRule.parse(Set.copyOf(request.rules()));
    List<String> problems = new ArrayList<>();

    List<String> remaining = new ArrayList<>(request.sources());
    List<String> excluded = new ArrayList<>();
    Set<CompileMessage> messages = new LinkedHashSet<>();
    List<StaticFinding> findings = List.of();
    boolean compiled = false;
    int rounds = 0;
    while (!remaining.isEmpty()) {
      if (++rounds > MAX_ROUNDS) {
        problems.add(
            "compilation was given up after leaving files out "
                + MAX_ROUNDS
                + " times; these files were not compiled: "
                + String.join(", ", remaining));
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
        failing =
            remaining.size() == 1
                ? List.copyOf(remaining)
                : crashingAlone(srcDir, remaining, request.probeDir());
        for (String file : failing) {
          problems.add(
              "the compiler crashed on "
                  + file
                  + " ("
                  + round.crash()
                  + "); simplify deeply nested or very long expressions");
        }
      }
      if (failing.isEmpty()) {
        problems.add(
            (round.crash() != null
                    ? "the compiler crashed (" + round.crash() + ")"
                    : round.failure())
                + "; these files were not compiled: "
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
    return new CompileWire.Reply(excluded, kept, findings, problems);
  }

  /**
   * One javac run over {@code files}.
   *
   * @param failing the files with errors, sorted; empty when everything compiled or when the
   *     compiler failed without naming a file
   * @param failure why the compiler failed without naming a file, or null
   * @param crash the exception the compiler itself threw (such as a stack overflow on deeply nested
   *     code), or null
   * @param checkFailure why the static checks did not finish, or null
   */
  private record Round(
      List<String> failing,
      String failure,
      String crash,
      List<CompileMessage> messages,
      List<StaticFinding> findings,
      String checkFailure) {}

  /**
   * The files among {@code files} that crash the compiler when compiled alone, each compiled into a
   * scratch directory under {@code probeDir}; errors that come from compiling a file without the
   * others do not count.
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

  private Round compileOnce(
      Path srcDir, List<String> files, Path classesDir, Set<StaticRule> rules) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter otherOutput = new StringWriter();
    try (StandardJavaFileManager fileManager =
        compiler.getStandardFileManager(diagnostics, Locale.ENGLISH, StandardCharsets.UTF_8)) {
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
      JavacTask task =
          (JavacTask)
              compiler.getTask(
                  otherOutput,
                  fileManager,
                  diagnostics,
                  OPTIONS,
                  null,
                  fileManager.getJavaFileObjectsFromPaths(paths));
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
        failure =
            "the compiler failed without naming a file"
                + (otherOutput.toString().isBlank()
                    ? ""
                    : " (" + otherOutput.toString().strip() + ")");
      }
      return new Round(List.copyOf(failing), failure, crash, messages, findings, checkFailure);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot compile in " + classesDir, e);
    }
  }

  private static List<StaticFinding> check(
      JavacTask task,
      Iterable<? extends CompilationUnitTree> units,
      Map<URI, String> names,
      Set<StaticRule> rules) {
    if (rules.isEmpty()) {
      return List.of();
    }
    StaticChecker checker = new StaticChecker(task, rules);
    List<StaticFinding> findings = new ArrayList<>();
    for (CompilationUnitTree unit : units) {
      String file =
          names.getOrDefault(
              unit.getSourceFile().toUri().normalize(), unit.getSourceFile().getName());
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
  private static CompileMessage message(
      Diagnostic<? extends JavaFileObject> d, Map<URI, String> names) {
    boolean error = d.getKind() == Diagnostic.Kind.ERROR;
    if (!error
        && d.getKind() != Diagnostic.Kind.WARNING
        && d.getKind() != Diagnostic.Kind.MANDATORY_WARNING) {
      return null;
    }
    String file =
        d.getSource() == null
            ? ""
            : names.getOrDefault(d.getSource().toUri().normalize(), d.getSource().getName());
    String text = d.getMessage(Locale.ENGLISH);
    if (text.length() > MAX_MESSAGE_CHARS) {
      text = text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
    return new CompileMessage(
        file, Math.max(0, d.getLineNumber()), Math.max(0, d.getColumnNumber()), error, text);
  }

  /** Empties {@code dir}, keeping the directory itself. */
  private static void clear(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> inside =
          walk.filter(p -> !p.equals(dir)).sorted(Comparator.reverseOrder()).toList();
      for (Path path : inside) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty the classes directory " + dir, e);
    }
  }
}
