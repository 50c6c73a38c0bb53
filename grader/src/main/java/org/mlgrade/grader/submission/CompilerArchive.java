package org.mlgrade.grader.submission;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.mlgrade.grader.io.Trees;
import org.mlgrade.grader.sandbox.ChildCache;
import org.mlgrade.grader.sandbox.ChildClasspath;
import org.mlgrade.grader.sandbox.ClassDataArchive;
import org.mlgrade.grader.sandbox.GraderClassesJar;

/**
 * The compiler JVM's class path as one jar ({@link #JAR}, a {@link GraderClassesJar} of this
 * package's classes alone) and its class-data archive (AppCDS, {@link #FILE}): javac's classes and
 * this package's, already parsed and verified, mapped by every compiler JVM instead of loaded
 * again. A compiler JVM's start and warm-up, measured alone on the grader's flags (3 alternating
 * runs each, load 2-3), went from 0.63-0.72 to 0.45-0.50 CPU-s and from 0.52-0.63 to 0.39-0.41 s to
 * ready; a one-shot grade waits for it.
 *
 * <p>Like the sandbox's archive ({@code ChildArchive}), it is made once per mlgrade version and
 * JVM, by a training run of the worker that compiles a tiny class, checked by a run with {@code
 * -Xshare:on}, and kept in {@link ChildCache}; until it is ready, and wherever it cannot be made or
 * mapped, compiler JVMs start without it. Gradescope's {@code setup.sh} makes it in the image
 * ({@link #main}). The JVM checks the class path against the training run's by name as written,
 * size and modification time: every compiler JVM runs in the folder that holds the jar and names it
 * {@code compiler.jar}.
 */
final class CompilerArchive {

  /** The jar's name in the compiler's folder; its class path, relative to its working folder. */
  static final String JAR = "compiler.jar";

  /** The archive's name in the compiler's folder. */
  static final String FILE = "compiler.jsa";

  /** The package whose classes the compiler JVM loads: no reference, rubric or judge class. */
  private static final List<String> PACKAGE = List.of("org/mlgrade/grader/submission/");

  /** How long the training run and the check may take before the archive is given up. */
  private static final long RUN_SECONDS = 120;

  private final Path dir;
  private final CompletableFuture<Optional<Path>> archive;

  private CompilerArchive(Path dir, CompletableFuture<Optional<Path>> archive) {
    this.dir = dir;
    this.archive = archive;
  }

  /**
   * Makes the jar and its archive in the user's cache now, so that no grading run has to:
   * Gradescope's {@code setup.sh} runs it once in the autograder image. Exits 1 when no archive
   * could be made (compiler JVMs then start without it).
   *
   * @param args the student API's class path (a directory or jar); the grader's own API classes
   *     when absent
   */
  public static void main(String[] args) throws IOException {
    Path temp = Files.createTempDirectory("mlgrade-compiler-archive-");
    try {
      Path api =
          args.length > 0 ? Path.of(args[0]) : ChildClasspath.materializeApi(temp.resolve("api"));
      Path dir = Files.createDirectories(temp.resolve("compiler"));
      boolean made =
          prepare(dir, api, SubmissionCompiler.DEFAULT_HEAP_MEGABYTES).archive.join().isPresent();
      System.out.println(
          made
              ? "mlgrade: the compiler's class-data archive is ready"
              : "mlgrade: no class-data archive could be made for the compiler; it starts without");
      if (!made) {
        System.exit(1);
      }
    } finally {
      Trees.deleteQuietly(temp);
    }
  }

  /**
   * Writes the jar into {@code dir} and readies its archive there: at once when both are kept from
   * an earlier run, else in the background (a training run of about a CPU-second).
   *
   * @param api the student API's class path, which the training run compiles against
   * @param heapMegabytes the compiler JVMs' heap, which the training run uses too
   */
  static CompilerArchive prepare(Path dir, Path api, int heapMegabytes) {
    try {
      ChildCache cache =
          GraderClassesJar.materialize(dir.resolve(JAR), PACKAGE, Set.of(), CompilerJvm.class)
              .cache();
      Path archive = dir.resolve(FILE);
      if (cache.copyOut(FILE, archive)) {
        return new CompilerArchive(dir, CompletableFuture.completedFuture(Optional.of(archive)));
      }
      return new CompilerArchive(
          dir,
          CompletableFuture.supplyAsync(
              () ->
                  ClassDataArchive.make(
                      dir,
                      archive,
                      cache,
                      (cds, scratch, training) ->
                          run(dir, api, heapMegabytes, cds, training ? scratch : null))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the compiler's class path in " + dir, e);
    }
  }

  /** The folder a compiler JVM runs in: it holds the jar (and the archive). */
  Path dir() {
    return dir;
  }

  /** The flags that map the archive when it is ready now; nothing waits for it. */
  List<String> flags() {
    Optional<Path> ready = archive.getNow(Optional.empty());
    return ready.isPresent()
        ? List.of("-XX:SharedArchiveFile=" + FILE, "-Xshare:auto", "-Xlog:cds*=off")
        : List.of("-Xshare:auto");
  }

  /** The archive, once the training run has made it (empty when it could not). */
  CompletableFuture<Optional<Path>> archive() {
    return archive;
  }

  /**
   * Starts a worker in {@code dir} with {@code cds}, waits until it is ready, has it compile a tiny
   * class when {@code scratch} is given (the training: code generation is archived too), then ends
   * its input; true when it exits normally.
   */
  private static boolean run(Path dir, Path api, int heapMegabytes, List<String> cds, Path scratch)
      throws IOException, InterruptedException {
    List<String> flags = new ArrayList<>(cds);
    flags.add("-Xlog:cds*=off");
    List<String> command = CompilerJvm.command(api, heapMegabytes, flags);
    Process process = CompilerJvm.builder(command, dir).start();
    try (DataOutputStream to =
            new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        DataInputStream from =
            new DataInputStream(new BufferedInputStream(process.getInputStream()))) {
      if (from.read() != CompileWire.READY) {
        process.destroyForcibly();
        return false;
      }
      if (scratch != null) {
        Path src = Files.createDirectories(scratch.resolve("src"));
        Files.writeString(
            src.resolve("Train.java"),
            "import java.util.*; public class Train { List<double[]> rows = new ArrayList<>();"
                + " double f(double[] x) { double s = 0; for (double v : x) { s += Math.exp(v); }"
                + " return s + rows.size(); } }",
            StandardCharsets.UTF_8);
        CompileWire.write(
            to,
            new CompileWire.Request(
                src,
                List.of("Train.java"),
                Files.createDirectories(scratch.resolve("classes")),
                scratch.resolve("probe"),
                List.of()));
        CompileWire.readReply(from);
      }
    } catch (IOException e) {
      process.destroyForcibly();
      return false;
    }
    if (!process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return false;
    }
    return process.exitValue() == 0;
  }
}
