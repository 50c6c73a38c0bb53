package org.mlgrade.grader.cli;

/**
 * A command cannot go on, for a reason its message gives in one line (what failed and what to do).
 * {@link Main}'s handler prints {@code mlgrade COMMAND: MESSAGE} and exits with {@link #exitCode};
 * no stack trace.
 */
final class CommandFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * @param exitCode one of {@link ExitCodes}
   * @param message what failed and what to do, in one line
   */
  CommandFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}
