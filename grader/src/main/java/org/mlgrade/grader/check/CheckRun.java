package org.mlgrade.grader.check;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.IsolationProbe;
import org.mlgrade.grader.sandbox.SandboxOptions;

/** The self-check as both front doors run it: checks the arguments, runs, prints. */
public final class CheckRun {

  /** Exit status: the check ran, whatever the score. */
  public static final int OK = 0;
  /** Exit status: the command line was wrong. */
  public static final int USAGE = 2;

  private CheckRun() {}

  /**
   * Runs the visible tests of {@code tests} on {@code sources} and prints the outcome.
   *
   * @param isolation the sandbox level, or null for the strongest that works here
   * @param colour whether to print ANSI colours
   * @return the exit status
   */
  public static int run(VisibleTests tests, Path sources, IsolationLevel isolation,
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
    CheckReport.print(SelfCheck.run(tests, sources, options), out, colour);
    return OK;
  }

  /** Whether standard output is a terminal that shows colours. */
  public static boolean colourTerminal() {
    return System.console() != null && System.getenv("NO_COLOR") == null
        && !"dumb".equals(System.getenv("TERM"));
  }
}
