package org.mlgrade.grader.cli;

/** What {@code mlgrade}'s exit status means. */
final class ExitCodes {

  /** Graded (whatever the score) or the rubric is valid. */
  static final int OK = 0;
  /** The grader itself failed: a bug or a broken environment. */
  static final int GRADER_ERROR = 1;
  /** The command line was wrong. */
  static final int USAGE = 2;
  /** The rubric is invalid; the messages say where. */
  static final int INVALID_RUBRIC = 3;

  private ExitCodes() {}
}
