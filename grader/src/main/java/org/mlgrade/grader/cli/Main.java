package org.mlgrade.grader.cli;

import java.util.concurrent.Callable;
import org.mlgrade.grader.rubric.RubricException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mlgrade}: grades machine-learning homework written in Java. */
@Command(
    name = "mlgrade",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Grades Java solutions of machine-learning homework against reference "
        + "implementations.",
    subcommands = {GradeCommand.class, ValidateCommand.class, BatchCommand.class,
      MergeCommand.class, GradescopeCommand.class, PackageGradescopeCommand.class,
      HandoutCommand.class, CheckCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:graded (whatever the score), or the rubric is valid",
      "1:grader error",
      "2:bad command line",
      "3:invalid rubric",
      "4:batch or merge incomplete: a student not graded or a PDF not written (see grades.csv)"
    })
public final class Main implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests that capture its output. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          if (e instanceof RubricException invalid) {
            // Every command that reads a rubric: each error as file:line:column: message.
            invalid.errors().forEach(cmd.getErr()::println);
            return ExitCodes.INVALID_RUBRIC;
          }
          cmd.getErr().println("mlgrade: internal error: " + e);
          e.printStackTrace(cmd.getErr());
          return ExitCodes.GRADER_ERROR;
        });
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
