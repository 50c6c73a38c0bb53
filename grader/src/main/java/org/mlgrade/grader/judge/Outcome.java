package org.mlgrade.grader.judge;

import org.mlgrade.grader.sandbox.CallStatus;

/** How one test ended, from the student's point of view. */
public enum Outcome {
  PASSED("passed"),
  WRONG_ANSWER("wrong answer"),
  UNREADABLE_ANSWER("answer could not be read"),
  THREW("threw an exception"),
  TIMED_OUT("timed out"),
  EXITED("exited the JVM"),
  OUT_OF_MEMORY("ran out of memory"),
  STACK_OVERFLOW("stack overflow"),
  OUTPUT_FLOOD("printed too much"),
  ANSWER_TOO_LARGE("answer too large"),
  NO_IMPLEMENTATION("no implementation found"),
  AMBIGUOUS_IMPLEMENTATION("several implementations found"),
  CANNOT_INSTANTIATE("implementation could not be created"),
  NOT_RUN("not run"),
  /**
   * Only the students' self-check gives it: an answer that is neither the example answer nor a
   * known mistake's, to a question whose comparison takes the reference code to accept another
   * valid answer. Grading decides it; the self-check counts it 0.
   */
  NOT_DECIDED("not decided by the self-check");

  private final String label;

  Outcome(String label) {
    this.label = label;
  }

  /** A few words for tables and feedback. */
  public String label() {
    return label;
  }

  /** The outcome of a call that did not return a value. */
  public static Outcome of(CallStatus status) {
    return switch (status) {
      case RETURNED -> throw new IllegalArgumentException("a returned value is judged, not mapped");
      case THREW -> THREW;
      case TIMED_OUT -> TIMED_OUT;
      case EXITED -> EXITED;
      case OUT_OF_MEMORY -> OUT_OF_MEMORY;
      case STACK_OVERFLOW -> STACK_OVERFLOW;
      case OUTPUT_FLOOD -> OUTPUT_FLOOD;
      case ANSWER_TOO_LARGE -> ANSWER_TOO_LARGE;
      case NO_IMPLEMENTATION -> NO_IMPLEMENTATION;
      case AMBIGUOUS_IMPLEMENTATION -> AMBIGUOUS_IMPLEMENTATION;
      case CANNOT_INSTANTIATE -> CANNOT_INSTANTIATE;
      case NOT_RUN -> NOT_RUN;
    };
  }
}
