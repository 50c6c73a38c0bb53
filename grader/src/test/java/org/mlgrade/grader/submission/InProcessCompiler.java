package org.mlgrade.grader.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The compiler JVM's work done in the test's own JVM: the same {@link SourceCollector} and {@link
 * JavacRounds} that {@link SubmissionCompiler} and {@link CompilerWorker} use, without the process
 * (no time or memory budget). For fast tests of what javac and the static rules say, and as the
 * "before" of the compiler JVM: what in-process javac told students.
 */
final class InProcessCompiler {

  private final JavacRounds javac;

  InProcessCompiler(Path api) {
    javac = new JavacRounds(api);
  }

  CompiledSubmission compile(Path submission, Path workDir, Set<String> rules) {
    try {
      Path src = Files.createDirectories(workDir.toAbsolutePath().resolve("src"));
      Path classes = Files.createDirectories(workDir.toAbsolutePath().resolve("classes"));
      SourceCollector.Collected collected =
          new SourceCollector(SourceLimits.DEFAULT).collect(submission, src);
      CompileWire.Reply reply =
          javac.compile(
              new CompileWire.Request(
                  src,
                  collected.sources(),
                  classes,
                  workDir.toAbsolutePath().resolve("probe"),
                  List.copyOf(rules)));
      List<String> problems = new ArrayList<>(collected.problems());
      problems.addAll(reply.problems());
      return new CompiledSubmission(
          classes,
          collected.sources(),
          reply.excluded(),
          reply.messages(),
          reply.findings(),
          problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
