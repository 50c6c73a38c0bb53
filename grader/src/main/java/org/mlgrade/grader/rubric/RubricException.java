package org.mlgrade.grader.rubric;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A rubric file that cannot be used, with every error found in it (not only the first), in the
 * order they occur in the file.
 */
public final class RubricException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<RubricError> errors;

  /** An exception for {@code errors}, which must not be empty. */
  public RubricException(List<RubricError> errors) {
    super(describe(sorted(errors)));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a RubricException needs at least one error");
    }
    this.errors = sorted(errors);
  }

  private static List<RubricError> sorted(List<RubricError> errors) {
    return errors.stream()
        .sorted(Comparator.comparingInt(RubricError::line).thenComparingInt(RubricError::column))
        .toList();
  }

  /** The errors, sorted by line and column. */
  public List<RubricError> errors() {
    return errors;
  }

  private static String describe(List<RubricError> errors) {
    return errors.stream().map(RubricError::toString).collect(Collectors.joining("\n"));
  }
}
