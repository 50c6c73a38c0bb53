package org.mlgrade.grader.sandbox;

/** How one call of student code ended. */
public enum CallStatus {
  /** Returned a value (which may still be wrong: the judge decides). */
  RETURNED,
  /** Threw an exception. */
  THREW,
  /**
   * Ran past the per-test limit (CPU time, with a wall-clock backstop) twice, the second time in
   * a fresh JVM, or past the submission's limit, and was stopped.
   */
  TIMED_OUT,
  /** Called {@code System.exit} or {@code Runtime.halt}, or the JVM died. */
  EXITED,
  /** Ran out of heap. */
  OUT_OF_MEMORY,
  /** Recursed too deep. */
  STACK_OVERFLOW,
  /** Printed more than the output limit. */
  OUTPUT_FLOOD,
  /** Returned a value whose encoding is longer than any answer to the test can be. */
  ANSWER_TOO_LARGE,
  /** No class of the submission implements the interface. */
  NO_IMPLEMENTATION,
  /** Several classes implement the interface. */
  AMBIGUOUS_IMPLEMENTATION,
  /** The implementing class could not be created (no public no-arg constructor, its
   * constructor or static initializer threw, ...). */
  CANNOT_INSTANTIATE,
  /** Never started because the whole-submission time ran out. */
  NOT_RUN
}
