package org.mlgrade.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlgrade.grader.rubric.RubricException;
import org.mlgrade.grader.sandbox.Cleanup;
import org.mlgrade.grader.sandbox.IsolationRefusedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.ParseResult;

/** {@code mlgrade}: grades machine-learning homework written in Java. */
@Command(
    name = "mlgrade",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Grades Java solutions of machine-learning homework against reference "
            + "implementations.",
    subcommands = {
      GradeCommand.class,
      ValidateCommand.class,
      BatchCommand.class,
      MergeCommand.class,
      GradescopeCommand.class,
      PackageGradescopeCommand.class,
      HandoutCommand.class,
      CheckCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:graded (whatever the score), or the rubric is valid",
      "1:internal error of the grader (one line; the stack trace goes to the log file it names)",
      "2:bad command line",
      "3:invalid rubric",
      "4:batch or merge incomplete: a student not graded or a PDF not written (see grades.csv)",
      "5:cannot grade here: a JRE instead of a JDK, or an isolation level that does not work or "
          + "cannot keep the hidden tests from student code (the message says what to change)"
    })
public final class Main implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    CommandLine cli = commandLine();
    int status;
    try {
      status = cli.execute(args);
    } catch (Throwable e) { // picocli hands Errors on: still one line, never a stack trace
      status = internalError(e, cli.getErr(), "mlgrade", List.of(args));
    }
    System.exit(status);
  }

  /** The configured command line, for tests that capture its output. */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExecutionStrategy(Main::runPassingErrorsOn)
        .setExecutionExceptionHandler(Main::handle);
  }

  /**
   * Every failure of a command in one line on stderr, with its own exit code: an invalid rubric
   * (each error as file:line:column: message), a {@link CommandFailure}, a refusal to grade hidden
   * tests, or an internal error (whose stack trace goes to a log file the line names).
   */
  private static int handle(Exception exception, CommandLine cmd, ParseResult parsed) {
    Throwable e =
        exception instanceof ExecutionException wrapped && wrapped.getCause() instanceof Error error
            ? error
            : exception;
    PrintWriter err = cmd.getErr();
    String name = cmd.getCommandSpec().qualifiedName();
    if (e instanceof RubricException invalid) {
      invalid.errors().forEach(err::println);
      return ExitCodes.INVALID_RUBRIC;
    }
    if (e instanceof CommandFailure failure) {
      err.println(name + ": " + failure.getMessage());
      return failure.exitCode();
    }
    if (e instanceof IsolationRefusedException refused) {
      err.println(name + ": " + refused.getMessage());
      return ExitCodes.CANNOT_GRADE_HERE;
    }
    return internalError(e, err, name, parsed.originalArgs());
  }

  /**
   * Runs the command, handing an {@link Error} (out of memory, a stack overflow) to the exception
   * handler like an exception; picocli would let it escape with its stack trace.
   */
  private static int runPassingErrorsOn(ParseResult parsed) {
    try {
      return new CommandLine.RunLast().execute(parsed);
    } catch (Error e) {
      ParseResult last = parsed;
      while (last.hasSubcommand()) {
        last = last.subcommand();
      }
      throw new ExecutionException(last.commandSpec().commandLine(), e.toString(), e);
    }
  }

  /**
   * Says in one line that {@code command} failed inside the grader and where the stack trace went,
   * and returns {@link ExitCodes#GRADER_ERROR}.
   */
  static int internalError(Throwable e, PrintWriter err, String command, List<String> args) {
    if (Cleanup.stopping()) {
      // SIGTERM or SIGINT: what fails while the temporary folders are deleted is no fault.
      err.println(command + ": stopped; nothing was written for what was still being graded.");
      err.flush();
      return ExitCodes.GRADER_ERROR;
    }
    String where;
    try {
      where =
          "the details are in "
              + ErrorLog.write(e, args)
              + " (send that file with a bug "
              + "report)";
    } catch (IOException | RuntimeException logFailed) {
      where = "no log could be written (" + ErrorLog.oneLine(logFailed) + ")";
    }
    err.println(
        command
            + ": internal error: "
            + ErrorLog.oneLine(e)
            + ". A fault of mlgrade or "
            + "of its environment, not of the submission; "
            + where
            + ".");
    err.flush();
    return ExitCodes.GRADER_ERROR;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
