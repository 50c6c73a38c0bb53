package org.mlgrade.grader.rubric;

import static org.mlgrade.grader.rubric.Wording.format;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.mlgrade.grader.rubric.RubricPlaces.Place;
import org.mlgrade.reference.Problem;

/**
 * Whether the trusted reference alone, run in the grader's JVM, fits well inside the rubric's time
 * limits; for {@code validate} to warn before correct submissions time out.
 *
 * <p>The bar is half of a limit ({@link #FRACTION}). A student's call runs in a fresh child JVM
 * whose code is not yet compiled, through the sandbox, and a correct solution is easily twice as
 * slow as the reference (no vectorised loops, one more copy of a matrix); the reference here runs
 * warm, beside the grader. A test on which the reference alone takes half the limit leaves a
 * correct student no more than that factor of two, so it is a likely unfair timeout. These are
 * warnings: the measurement depends on the machine, and the limit is the author's to choose.
 */
public final class ReferenceTiming {

  /** The share of a limit the reference alone may take before a warning. */
  public static final double FRACTION = 0.5;

  private ReferenceTiming() {}

  /**
   * Runs the reference on every test of {@code rubric}, timed by {@code nanoClock}, and words what
   * is too slow: for each question its slowest test over half of {@code per_test_seconds} (at that
   * test), and the sum over all tests when over half of {@code total_seconds} (at the limit). A
   * test the reference cannot answer is skipped (validation reports it).
   *
   * @param nanoClock a clock in nanoseconds, such as {@code System::nanoTime}
   */
  public static List<RubricError> warnings(Rubric rubric, LongSupplier nanoClock) {
    List<RubricError> warnings = new ArrayList<>();
    long perTestLimit = rubric.limits().perTest().toNanos();
    long totalLimit = rubric.limits().total().toNanos();
    long total = 0;
    for (Question question : rubric.questions()) {
      long slowest = -1;
      String slowestName = null;
      int slow = 0;
      for (TestCase test : question.tests()) {
        long start = nanoClock.getAsLong();
        try {
          expected(question.problem(), test.input());
        } catch (RuntimeException cannotAnswer) {
          continue;
        }
        long took = nanoClock.getAsLong() - start;
        total += took;
        if (took > FRACTION * perTestLimit) {
          slow++;
          if (took > slowest) {
            slowest = took;
            slowestName = test.name();
          }
        }
      }
      if (slowestName != null) {
        Place at = rubric.places().test(slowestName);
        warnings.add(
            new RubricError(
                rubric.source(),
                at.line(),
                at.column(),
                "warning: the"
                    + " reference alone takes "
                    + seconds(slowest)
                    + " s on test '"
                    + slowestName
                    + "' of"
                    + " question '"
                    + question.id()
                    + "'"
                    + (slow > 1
                        ? " (and over half the limit on " + (slow - 1) + " more of its tests)"
                        : "")
                    + ", more than half of per_test_seconds ("
                    + seconds(perTestLimit)
                    + " s): a correct submission twice as slow as the reference"
                    + " would time out; raise per_test_seconds or use a smaller input"));
      }
    }
    if (total > FRACTION * totalLimit) {
      Place at = rubric.places().totalSeconds();
      warnings.add(
          new RubricError(
              rubric.source(),
              at.line(),
              at.column(),
              "warning: the"
                  + " reference alone takes "
                  + seconds(total)
                  + " s over all the tests, more than half"
                  + " of total_seconds ("
                  + seconds(totalLimit)
                  + " s): a correct submission twice as"
                  + " slow as the reference would run out of time; raise total_seconds or use fewer or"
                  + " smaller tests"));
    }
    return warnings;
  }

  private static <S, I, O> O expected(Problem<S, I, O> problem, Object input) {
    return problem.expected(problem.castInput(input));
  }

  private static String seconds(long nanos) {
    return format(Math.round(nanos / 1e6) / 1e3);
  }
}
