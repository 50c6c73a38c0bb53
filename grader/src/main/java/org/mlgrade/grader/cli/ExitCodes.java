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

  /**
   * A batch ran to its end but is incomplete: some student was not graded (the same command grades
   * them again) or a PDF was not written; grades.csv's status column says which.
   */
  static final int INCOMPLETE = 4;

  /**
   * This machine cannot grade as asked: a Java runtime without a compiler (a JRE), an isolation
   * level that does not work here, or one that cannot keep the rubric's hidden tests from student
   * code. The message says what to change.
   */
  static final int CANNOT_GRADE_HERE = 5;

  private ExitCodes() {}
}
