package org.mlgrade.grader.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** {@code mlgrade} run in-process, as {@link Main} configures it, with its output captured. */
final class Cli {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final CommandLine commandLine;

  /** The real command line. */
  Cli() {
    this(Main.commandLine());
  }

  /** {@code commandLine} (from {@link Main#commandLine()}, perhaps with a test subcommand). */
  Cli(CommandLine commandLine) {
    this.commandLine = commandLine;
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
  }

  /** Runs {@code mlgrade ARGS} and returns its exit code; the output adds to {@link #out()}. */
  int run(String... args) {
    return commandLine.execute(args);
  }

  /** Everything printed to stdout so far. */
  String out() {
    return out.toString();
  }

  /** Everything printed to stderr so far. */
  String err() {
    return err.toString();
  }

  /** Forgets the output so far. */
  void clear() {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
  }
}
