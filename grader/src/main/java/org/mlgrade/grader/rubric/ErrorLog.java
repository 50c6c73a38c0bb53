package org.mlgrade.grader.rubric;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The errors and warnings found in one rubric file, each placed at the value or field name a JSON
 * Pointer names. Used once, by one thread.
 */
final class ErrorLog {

  private final Path file;
  private final LocatedTree tree;
  private final List<RubricError> errors = new ArrayList<>();
  private final List<RubricError> warnings = new ArrayList<>();

  ErrorLog(Path file, LocatedTree tree) {
    this.file = file;
    this.tree = tree;
  }

  /** An error at the start of the value at {@code at}. */
  void error(JsonPointer at, String message) {
    add(tree.valueAt(at), message);
  }

  /** An error at the field name that ends {@code at} (a field that should not be there). */
  void keyError(JsonPointer at, String message) {
    add(tree.keyAt(at), message);
  }

  /** A warning at the start of the value at {@code at}. */
  void warn(JsonPointer at, String message) {
    JsonLocation where = tree.valueAt(at);
    warnings.add(
        new RubricError(
            file,
            Math.max(1, where.getLineNr()),
            Math.max(1, where.getColumnNr()),
            "warning: " + message));
  }

  /** Records {@code value} as used at {@code at}; false (and an error) if it was used before. */
  boolean unique(Map<String, JsonPointer> seen, String value, JsonPointer at, String what) {
    JsonPointer first = seen.putIfAbsent(value, at);
    if (first == null) {
      return true;
    }
    JsonLocation firstAt = tree.valueAt(first);
    error(
        at,
        "duplicate " + what + " '" + value + "' (first used at line " + firstAt.getLineNr() + ")");
    return false;
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** The errors so far, as the exception that refuses the rubric. */
  RubricException exception() {
    return new RubricException(errors);
  }

  List<RubricError> warnings() {
    return warnings;
  }

  private void add(JsonLocation at, String message) {
    Objects.requireNonNull(at, "location");
    errors.add(
        new RubricError(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), message));
  }
}
