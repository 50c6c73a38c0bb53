package org.mlgrade.grader.rubric;

import com.fasterxml.jackson.annotation.JsonValue;

/** When a test's result is shown to the student, with Gradescope's names for the four levels. */
public enum Visibility {
  /** Shown at once, with expected and actual values. */
  VISIBLE("visible"),
  /** Never shown to the student. */
  HIDDEN("hidden"),
  /** Shown once the due date has passed. */
  AFTER_DUE_DATE("after_due_date"),
  /** Shown once the instructor publishes the grades. */
  AFTER_PUBLISHED("after_published");

  private final String gradescopeName;

  Visibility(String gradescopeName) {
    this.gradescopeName = gradescopeName;
  }

  /** The value Gradescope's {@code results.json} and rubric files use. */
  @JsonValue
  public String gradescopeName() {
    return gradescopeName;
  }
}
