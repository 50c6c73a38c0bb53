package org.mlgrade.reference;

import java.util.List;

/**
 * Compares a student's output with the reference output of the same input.
 *
 * @param <I> the problem's input record
 * @param <O> the problem's output record
 */
@FunctionalInterface
public interface Comparison<I, O> {

  /**
   * Returns every difference that matters, empty when {@code actual} is accepted.
   *
   * @param input the test input both outputs were computed from
   * @param expected the reference output
   * @param actual the student's output, possibly {@code null}
   * @param tolerance how close floating-point values must be
   */
  List<Mismatch> compare(I input, O expected, O actual, Tolerance tolerance);

  /**
   * Whether {@code actual} is the same answer as {@code answer}, a known mistake's output: used to
   * name the mistake a student made. Field by field within the tolerance by default; a problem
   * whose answers have free parts (the sign of an eigenvector, say) overrides it.
   */
  default boolean sameAnswer(I input, O answer, O actual, Tolerance tolerance) {
    return StructuralComparison.compare(answer, actual, tolerance).isEmpty();
  }

  /**
   * Field-by-field comparison of records, arrays and lists: floating-point values with the
   * tolerance, everything else (counts, shapes, booleans, strings) exactly.
   */
  static <I, O> Comparison<I, O> structural() {
    return (input, expected, actual, tolerance) ->
        StructuralComparison.compare(expected, actual, tolerance);
  }
}
