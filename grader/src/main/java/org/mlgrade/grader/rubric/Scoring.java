package org.mlgrade.grader.rubric;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a question's points follow from its tests' outcomes. */
public enum Scoring {
  /** Each test carries its own points (given per test, or the question's points split evenly). */
  PER_TEST("per_test"),
  /** The question's points times the fraction of tests passed. */
  PROPORTIONAL("proportional"),
  /** All the points when every test passes, none otherwise. */
  ALL_OR_NOTHING("all_or_nothing");

  private final String rubricName;

  Scoring(String rubricName) {
    this.rubricName = rubricName;
  }

  /** The value rubric files use. */
  @JsonValue
  public String rubricName() {
    return rubricName;
  }
}
