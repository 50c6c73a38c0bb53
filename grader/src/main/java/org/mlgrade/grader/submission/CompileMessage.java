package org.mlgrade.grader.submission;

/**
 * A compiler error or warning about a student's source, as shown in feedback.
 *
 * @param file the source file's path relative to the submission root
 * @param line 1-based line, or 0 when the message is not about a line
 * @param column 1-based column, or 0
 * @param error true for an error, false for a warning
 * @param message the compiler's message
 */
public record CompileMessage(String file, long line, long column, boolean error, String message) {

  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + (error ? "error: " : "warning: ")
        + message;
  }
}
