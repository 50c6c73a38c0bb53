package org.mlgrade.grader.rubric;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a rubric file, at the place an editor can jump to.
 *
 * @param file the rubric file
 * @param line 1-based line of the offending value or field name
 * @param column 1-based column of the offending value or field name
 * @param message what is wrong and what was expected
 */
public record RubricError(Path file, int line, int column, String message) {

  public RubricError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** The compiler-style form, e.g. {@code rubrics/hw3.yaml:12:7: unknown field 'tolerence' ...}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
