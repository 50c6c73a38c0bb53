package org.mlgrade.api.fakejudge;

/** A toy student API for the judge's tests: doubles a number. */
public interface Doubler {

  /** The input. */
  record Number(double x) {}

  /** The answer: {@code y = 2x}. */
  record Answer(double y) {}

  /** Returns {@code 2x}. */
  Answer twice(Number number);
}
