package org.mlgrade.harness;

import java.util.Set;

/** Describes a student's exception for the student: class, capped message, their own frames. */
final class Failures {

  static final int MAX_MESSAGE_CHARS = 2_000;
  static final int MAX_FRAMES = 25;
  private static final int MAX_CAUSES = 3;

  private Failures() {}

  /**
   * {@code java.lang.ArithmeticException: / by zero} followed by the frames of {@code thrown} that
   * belong to the student's classes, and the same for up to three causes.
   */
  static String describe(Throwable thrown, Set<String> studentClasses) {
    StringBuilder text = new StringBuilder();
    Throwable current = thrown;
    for (int depth = 0; current != null && depth <= MAX_CAUSES; depth++) {
      if (depth > 0) {
        text.append("\nCaused by: ");
      }
      text.append(headline(current));
      int shown = 0;
      int hidden = 0;
      for (StackTraceElement frame : current.getStackTrace()) {
        if (!studentClasses.contains(frame.getClassName())) {
          continue;
        }
        if (shown < MAX_FRAMES) {
          text.append("\n\tat ").append(frame(frame));
          shown++;
        } else {
          hidden++;
        }
      }
      if (hidden > 0) {
        text.append("\n\t... ").append(hidden).append(" more frames of your code");
      }
      Throwable cause = current.getCause();
      current = cause == current ? null : cause;
    }
    return text.toString();
  }

  /** {@code student.Solution.square(Solution.java:21)}, without loader or module names. */
  static String frame(StackTraceElement frame) {
    String where = frame.getFileName() == null ? "Unknown Source"
        : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber()
        : frame.getFileName();
    return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
  }

  /** The exception's class and its message, capped. */
  static String headline(Throwable thrown) {
    String message = thrown.getMessage();
    if (message == null) {
      return thrown.getClass().getName();
    }
    return thrown.getClass().getName() + ": " + cap(message, MAX_MESSAGE_CHARS);
  }

  static String cap(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "... (" + (text.length() - max)
        + " more characters)";
  }
}
