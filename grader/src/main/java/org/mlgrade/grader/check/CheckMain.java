package org.mlgrade.grader.check;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar mlgrade-check.jar check [SOURCES]}: the students' self-check, from the
 * handout, with the visible tests in {@code visible-tests.json} beside the jar.
 */
@Command(name = "mlgrade-check", mixinStandardHelpOptions = true,
    description = "The self-check of an mlgrade handout.",
    subcommands = CheckMain.Check.class)
public final class CheckMain implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests that capture its output. */
  public static CommandLine commandLine() {
    return new CommandLine(new CheckMain()).setExecutionExceptionHandler((e, cmd, parsed) -> {
      cmd.getErr().println("mlgrade check: internal error: " + e);
      e.printStackTrace(cmd.getErr());
      return 1;
    });
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CheckRun.USAGE;
  }

  /** {@code check [SOURCES]}. */
  @Command(name = "check", mixinStandardHelpOptions = true, description = {
      "Compiles your sources and runs the handout's visible tests on them in the",
      "same sandbox as grading; prints your points per question, each failed test",
      "with its input, the expected and returned values and the known mistake it",
      "matches, and writes the same feedback PDF as grading",
      "(mlgrade-check/feedback.pdf unless --out). Hidden tests are not run: the",
      "output says how many points they carry."})
  static final class Check implements Callable<Integer> {

    @Parameters(paramLabel = "SOURCES", arity = "0..1", defaultValue = "src",
        description = "the directory (or .zip) of your .java files (default: ${DEFAULT-VALUE})")
    Path sources;

    @Option(names = "--tests", paramLabel = "FILE",
        description = "the visible tests (default: visible-tests.json beside this jar, else in "
            + "the current directory)")
    Path tests;

    @Mixin CheckOptions options;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      Path file = tests != null ? tests : defaultTests();
      if (!Files.isRegularFile(file)) {
        err.println("mlgrade check: no visible tests at " + file + "; run it from the handout "
            + "folder or give --tests FILE");
        return CheckRun.USAGE;
      }
      return CheckRun.run(VisibleTests.read(file), sources, options.isolation, options.outDir,
          spec.commandLine().getOut(), err, CheckRun.colourTerminal());
    }

    private static Path defaultTests() {
      try {
        Path jar = Path.of(CheckMain.class.getProtectionDomain().getCodeSource().getLocation()
            .toURI());
        Path beside = jar.resolveSibling(VisibleTests.FILE_NAME);
        if (Files.isRegularFile(jar) && Files.isRegularFile(beside)) {
          return beside;
        }
      } catch (URISyntaxException | RuntimeException e) {
        // not from a jar: the current directory
      }
      return Path.of(VisibleTests.FILE_NAME);
    }
  }
}
