package org.mlgrade.reference;

import java.util.List;

/**
 * Compares a student's output with the reference output of the same input.
 *
 * <p>An answer has named parts ({@link #compareParts}): the rows of a table, each gradient, each
 * EM parameter. A rubric may give credit part by part, and a known mistake is diagnosed on the
 * parts in which the student's answer differs from the reference ({@link Problem#diagnose}). A
 * comparison that does not split its answers has one part, {@link #WHOLE}.
 *
 * @param <I> the problem's input record
 * @param <O> the problem's output record
 */
@FunctionalInterface
public interface Comparison<I, O> {

  /** The name of the one part of an answer that is not split. */
  String WHOLE = "answer";

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
   * The parts of the answer, in order, each judged; {@code actual} is accepted exactly when every
   * part is {@link PartStatus#RIGHT}. A part may be {@link PartStatus#CARRIED_FORWARD} when the
   * problem recognises that it follows from the student's own earlier wrong parts. By default one
   * part, {@link #WHOLE}, judged by {@link #compare}.
   */
  default List<PartResult> compareParts(I input, O expected, O actual, Tolerance tolerance) {
    List<Mismatch> mismatches = compare(input, expected, actual, tolerance);
    return List.of(new PartResult(WHOLE, mismatches.isEmpty() ? PartStatus.RIGHT
        : PartStatus.WRONG, mismatches, 0));
  }

  /**
   * Whether {@code actual} is the same answer as {@code answer}, a known mistake's output: used to
   * name the mistake a student made. Field by field within the tolerance by default; a problem
   * whose answers have free parts (the sign of an eigenvector, say) overrides it. NaN is never the
   * same as anything ({@link Tolerance}).
   */
  default boolean sameAnswer(I input, O answer, O actual, Tolerance tolerance) {
    return StructuralComparison.compare(answer, actual, tolerance).isEmpty();
  }

  /**
   * Whether part {@code part} of {@code actual} is the same as that part of {@code answer}, a
   * known mistake's output. By default the whole answers are compared with {@link #sameAnswer}
   * (right for the one part {@link #WHOLE}).
   */
  default boolean samePart(I input, String part, O answer, O actual, Tolerance tolerance) {
    return sameAnswer(input, answer, actual, tolerance);
  }

  /**
   * Field-by-field comparison of records, arrays and lists: floating-point values with the
   * tolerance, everything else (counts, shapes, booleans, strings) exactly; each component of the
   * output record is a part ({@link PartedComparison#byComponent}).
   */
  static <I, O> Comparison<I, O> structural() {
    return PartedComparison.byComponent();
  }

  /**
   * Whether a mistake is told by part {@code part}: parts that state what the question asks (a
   * verdict, a row of counts). A part reported only alongside (the eigenvalue that goes with a
   * PSD verdict) is not: a mistake that reaches the student's wrong verdict by another route is
   * still that mistake, whatever it reports there. Every part by default.
   */
  default boolean diagnostic(String part) {
    return true;
  }
}
