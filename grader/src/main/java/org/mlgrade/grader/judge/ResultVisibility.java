package org.mlgrade.grader.judge;

import org.mlgrade.grader.rubric.Visibility;

/**
 * When the student may see a result (a test's, a question's, the autograder's output): the rubric's
 * {@link Visibility}, passed through by the judge so that reporters need nothing of the rubric. The
 * four levels are Gradescope's, by the same names.
 */
public enum ResultVisibility {
  /** Shown at once, with expected and actual values. */
  VISIBLE,
  /** Never shown to the student. */
  HIDDEN,
  /** Shown once the due date has passed. */
  AFTER_DUE_DATE,
  /** Shown once the instructor publishes the grades. */
  AFTER_PUBLISHED;

  /** The rubric's {@code visibility} as a result's. */
  public static ResultVisibility of(Visibility visibility) {
    return switch (visibility) {
      case VISIBLE -> VISIBLE;
      case HIDDEN -> HIDDEN;
      case AFTER_DUE_DATE -> AFTER_DUE_DATE;
      case AFTER_PUBLISHED -> AFTER_PUBLISHED;
    };
  }
}
