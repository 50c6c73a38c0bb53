package org.mlgrade.grader.rubric;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a question's points follow from its tests' outcomes. */
public enum Scoring {
  /** Each test carries its own points (given per test, or the question's points split evenly). */
  PER_TEST("per_test"),
  /** The question's points times the fraction of tests passed. */
  PROPORTIONAL("proportional"),
  /** All the points when every test passes, none otherwise. */
  ALL_OR_NOTHING("all_or_nothing"),
  /**
   * Points per test as {@link #PER_TEST}, and within a test credit for each part of the answer
   * that is right (a row of a table, a gradient), weighted by the question's part weights.
   */
  PER_PART("per_part");

  private final String rubricName;

  Scoring(String rubricName) {
    this.rubricName = rubricName;
  }

  /** Whether tests carry points of their own (per_test and per_part). */
  public boolean pointsPerTest() {
    return this == PER_TEST || this == PER_PART;
  }

  /** The value rubric files use. */
  @JsonValue
  public String rubricName() {
    return rubricName;
  }
}
