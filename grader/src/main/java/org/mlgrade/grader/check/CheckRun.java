package org.mlgrade.grader.check;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlgrade.grader.check.SelfCheck.CheckResult;
import org.mlgrade.grader.report.FeedbackPdf;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.IsolationProbe;
import org.mlgrade.grader.sandbox.SandboxOptions;

/**
 * The self-check as both front doors run it: checks the arguments, runs, prints, writes the
 * feedback PDF.
 */
public final class CheckRun {

  /** Exit status: the check ran, whatever the score. */
  public static final int OK = 0;
  /** Exit status: the command line was wrong. */
  public static final int USAGE = 2;

  private CheckRun() {}

  /** The folder, relative to where the check runs, that {@code feedback.pdf} goes into. */
  public static final String DEFAULT_OUT = "mlgrade-check";

  /**
   * Runs the visible tests of {@code tests} on {@code sources}, prints the outcome and writes
   * the feedback PDF into {@code outDir}.
   *
   * @param isolation the sandbox level, or null for the strongest that works here
   * @param colour whether to print ANSI colours
   * @return the exit status
   */
  public static int run(VisibleTests tests, Path sources, IsolationLevel isolation, Path outDir,
      PrintWriter out, PrintWriter err, boolean colour) {
    if (!Files.exists(sources)) {
      err.println("mlgrade check: no such sources: " + sources + " (give the directory that "
          + "holds your .java files, e.g. src)");
      return USAGE;
    }
    if (isolation != null && !IsolationProbe.works(isolation)) {
      err.println("mlgrade check: isolation level " + isolation + " does not work here: "
          + IsolationProbe.verdict(isolation).detail());
      return USAGE;
    }
    SandboxOptions options = isolation == null ? SandboxOptions.defaults()
        : SandboxOptions.defaults().withIsolation(isolation);
    report(SelfCheck.run(tests, sources, options), outDir, out, err, colour);
    return OK;
  }

  /**
   * Prints {@code result}, then writes its feedback PDF into {@code outDir}: after the scores, so
   * that a PDF failure (an error on {@code err}) can neither change nor hide them.
   */
  static void report(CheckResult result, Path outDir, PrintWriter out, PrintWriter err,
      boolean colour) {
    CheckReport.print(result, out, colour);
    try {
      out.println("Wrote " + CheckFeedback.write(result, outDir) + " (this report as a PDF, "
          + "as grading writes it)");
    } catch (IOException | RuntimeException e) {
      err.println("mlgrade check: ERROR: could not write "
          + outDir.resolve(FeedbackPdf.FILE_NAME) + ": " + e + " (the scores above are "
          + "complete and unaffected)");
    }
    out.flush();
    err.flush();
  }

  /** Whether standard output is a terminal that shows colours. */
  public static boolean colourTerminal() {
    return System.console() != null && System.getenv("NO_COLOR") == null
        && !"dumb".equals(System.getenv("TERM"));
  }
}
