package org.mlgrade.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.mlgrade.grader.io.Trees;
import org.mlgrade.harness.Request;

/**
 * The child JVM's class-data archive (AppCDS): the classes the harness loads before a student's
 * first call, from the harness jar and the JDK, already parsed and verified, mapped by every child
 * instead of loaded again from the jar.
 *
 * <p>A training run of the harness dumps it at exit ({@code -XX:ArchiveClassesAtExit}) on a request
 * of the grader's own: an empty student folder and one call that finds no implementation. Its class
 * path is the harness jar alone, so the archive holds the JDK's and the harness's classes and
 * nothing else (no reference class, no rubric, no student's class). A second run with {@code
 * -Xshare:on} proves that a JVM maps it; only then is it used, and kept in {@link ChildCache} for
 * the next runs. If anything fails, children start without it, as before.
 *
 * <p>The JVM checks a child's class path against the training run's, by name as written, size and
 * modification time: both name the jar by the same path relative to the working directory ({@link
 * #classPath}), which holds at every isolation level because a child's working directory is always
 * two levels below the folder that holds the class path directory.
 */
public final class ChildArchive {

  /** The archive's name in the class path directory. */
  static final String FILE = "harness.jsa";

  /** How long the training run and the check may take before the archive is given up. */
  private static final long RUN_SECONDS = 120;

  private ChildArchive() {}

  /**
   * Makes the harness jar and its archive in the user's cache ({@link ChildCache}) now, so that no
   * grading run has to: Gradescope's {@code setup.sh} runs it once in the autograder image. Prints
   * what it did; exits 1 when no archive could be made (children then start without it).
   */
  public static void main(String[] args) throws IOException {
    Path temp = Files.createTempDirectory("mlgrade-archive-");
    try {
      ChildClasspath classpath = ChildClasspath.materialize(temp.resolve("classpath"));
      boolean made = prepare(classpath, ProcessSandbox.CHILD_FLAGS).join().isPresent();
      System.out.println(
          made
              ? "mlgrade: the sandbox's class-data archive is ready"
              : "mlgrade: no class-data archive could be made; sandboxed JVMs start without it");
      if (!made) {
        System.exit(1);
      }
    } finally {
      Trees.deleteQuietly(temp);
    }
  }

  /**
   * The harness jar as a child names it: relative to its working directory, two levels below the
   * folder holding {@code classpath}'s directory.
   */
  static String classPath(ChildClasspath classpath) {
    return "../../" + classpath.root().getFileName() + "/" + ChildClasspath.JAR;
  }

  /**
   * The archive of {@code classpath}'s harness jar in its directory: at once when it is kept from
   * an earlier run, else once a training run with {@code jvmFlags} (the children's own) has made
   * and checked it, in the background; empty when it cannot be made.
   */
  static CompletableFuture<Optional<Path>> prepare(
      ChildClasspath classpath, List<String> jvmFlags) {
    Path archive = classpath.root().resolve(FILE);
    if (classpath.cache().copyOut(FILE, archive)) {
      return CompletableFuture.completedFuture(Optional.of(archive));
    }
    return CompletableFuture.supplyAsync(() -> train(classpath, jvmFlags, archive));
  }

  private static Optional<Path> train(
      ChildClasspath classpath, List<String> jvmFlags, Path archive) {
    return ClassDataArchive.make(
        classpath.root().getParent(),
        archive,
        classpath.cache(),
        (cds, scratch, training) ->
            run(
                Files.createDirectories(scratch.resolve("work")),
                jvmFlags,
                cds,
                classpath,
                Files.createDirectories(scratch.resolve("students"))));
  }

  /**
   * Runs the harness in {@code work} (as the grader's own user: only the harness runs) on a request
   * of one call that finds no implementation; true when it exits normally.
   */
  private static boolean run(
      Path work, List<String> jvmFlags, List<String> cds, ChildClasspath classpath, Path students)
      throws IOException, InterruptedException {
    Path request = work.resolve(RunDirectory.REQUEST);
    Files.write(
        request,
        new Request(
                "training",
                1024,
                List.of(classpath.api().toString(), students.toString()),
                students.toString(),
                List.of(
                    new Request.Call(
                        0, "org.mlgrade.api.conv.ConvArithmetic", "outputSize", "{}", 64)))
            .toBytes());
    List<String> command = new ArrayList<>();
    command.add(LaunchCommand.java().toString());
    command.addAll(jvmFlags);
    command.addAll(cds);
    command.addAll(
        List.of(
            "-Xlog:cds*=off",
            "-Xmx64m",
            "-cp",
            classPath(classpath),
            "org.mlgrade.harness.Harness",
            RunDirectory.REQUEST));
    Process process =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return false;
    }
    return process.exitValue() == 0;
  }
}
