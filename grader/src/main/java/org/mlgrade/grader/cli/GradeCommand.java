package org.mlgrade.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.mlgrade.grader.Grader;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.report.FeedbackPdf;
import org.mlgrade.grader.report.GradescopeReport;
import org.mlgrade.grader.report.OutputFolder;
import org.mlgrade.grader.report.TerminalReport;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricException;
import org.mlgrade.grader.sandbox.ChildAccess;
import org.mlgrade.grader.sandbox.IsolationWarning;
import org.mlgrade.grader.sandbox.SandboxOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mlgrade grade}: grades one submission and writes Gradescope's results.json and the
 * student's feedback.pdf.
 */
@Command(
    name = "grade",
    mixinStandardHelpOptions = true,
    description = {
      "Compiles a submission (a directory or .zip of Java sources), runs it in the sandbox on the",
      "rubric's tests, prints a per-question table and writes OUT/results.json in Gradescope's",
      "format and the student's feedback OUT/feedback.pdf. Exits 0 whenever the submission was",
      "graded, whatever its score (a feedback.pdf that cannot be written is reported on stderr)."
    })
final class GradeCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SUBMISSION", description = "a directory or .zip of .java files")
  Path submission;

  @Mixin RubricOption rubric;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "mlgrade-results",
      description = "where results.json and feedback.pdf go (default: ${DEFAULT-VALUE})")
  Path outDir;

  @Mixin IsolationOptions isolation;

  @Option(
      names = "--visible-only",
      description =
          "detail only the failed tests a student may see at once; by default the "
              + "terminal details every failed test (results.json always keeps each test's "
              + "visibility)")
  boolean visibleOnly;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, RubricException {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.exists(submission)) {
      err.println("mlgrade grade: no such submission: " + submission);
      return ExitCodes.USAGE;
    }
    SandboxOptions options =
        isolation.sandbox(
            rubric.secretsWith(
                new ChildAccess.Secret(submission, "the submission"),
                new ChildAccess.Secret(outDir, "the output folder")));
    Grader grader;
    // The compiler JVM and the sandbox start while the rubric is read.
    try (Grader.Start start = Grader.start(options)) {
      Rubric loaded = rubric.source().load();
      try {
        OutputFolder.prepare(outDir);
      } catch (IOException e) {
        err.println("mlgrade grade: cannot write results: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      grader = start.open(loaded);
    }
    // Below bubblewrap, say so as soon as the level is known, and again after the results.
    CompletableFuture<Void> warned =
        grader
            .isolation()
            .thenAccept(
                level ->
                    IsolationWarning.text(level)
                        .ifPresent(
                            warning -> {
                              err.println(warning);
                              err.flush();
                            }));
    Result result;
    try (grader) {
      // A refusal (IsolationRefusedException) is Main's: one line, exit 5.
      result = grader.grade(submission);
    } catch (IllegalArgumentException e) {
      err.println("mlgrade grade: invalid rubric: " + e.getMessage());
      return ExitCodes.INVALID_RUBRIC;
    }
    warned.exceptionally(e -> null).join();
    PrintWriter out = spec.commandLine().getOut();
    TerminalReport.print(result, out, !visibleOnly);
    Path written = GradescopeReport.write(result, outDir);
    out.println("Wrote " + written);
    out.flush();
    // After results.json, so that a PDF failure can neither change nor prevent the score.
    try {
      out.println("Wrote " + FeedbackPdf.write(result, outDir));
    } catch (IOException | RuntimeException e) {
      err.println(
          "mlgrade grade: ERROR: could not write "
              + outDir.resolve(FeedbackPdf.FILE_NAME)
              + ": "
              + e
              + " (results.json is complete; the score is unaffected)");
    }
    out.flush();
    IsolationWarning.text(grader.isolation().join()).ifPresent(err::println);
    err.flush();
    return ExitCodes.OK;
  }
}
