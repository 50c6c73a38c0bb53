package org.mlgrade.grader.report;

import java.util.Locale;
import org.mlgrade.grader.judge.Outcome;

/** What an outcome means, in words a student understands. */
final class OutcomeWords {

  private OutcomeWords() {}

  /** One or two sentences on what happened and where to look. */
  static String explain(Outcome outcome) {
    return switch (outcome) {
      case PASSED -> "Your answer matches the expected one.";
      case WRONG_ANSWER -> "Your code returned an answer that differs from the expected one.";
      case UNREADABLE_ANSWER ->
          "Your code returned something that cannot be read as an answer "
              + "(for example null, or a part of it left empty).";
      case THREW -> "Your code threw an exception instead of returning an answer.";
      case TIMED_OUT ->
          "Your code did not finish within the time limit. Look for a loop that "
              + "never ends, or for work that grows much faster than it needs to.";
      case EXITED ->
          "Your code ended the whole program (for example with System.exit) instead "
              + "of returning an answer.";
      case OUT_OF_MEMORY ->
          "Your code ran out of memory: it keeps too much data, or allocates "
              + "arrays far larger than needed.";
      case STACK_OVERFLOW ->
          "Your code called itself too deeply: a recursion that does not stop, "
              + "or one too deep for this input.";
      case ANSWER_TOO_LARGE ->
          "Your code returned an answer far larger than the question's "
              + "answer can be (for example an array with millions of entries); it was not read.";
      case OUTPUT_FLOOD ->
          "Your code printed far too much; remove debugging prints, especially " + "inside loops.";
      case NO_IMPLEMENTATION ->
          "None of your classes implements the interface this question "
              + "needs (or the class that does failed to compile).";
      case AMBIGUOUS_IMPLEMENTATION ->
          "Several of your classes implement the interface this "
              + "question needs; keep exactly one.";
      case CANNOT_INSTANTIATE ->
          "Your class could not be created: it needs a public constructor "
              + "without arguments that does not throw.";
      case NOT_RUN -> "This test was not run: the sandbox stopped before it got to it.";
      case NOT_DECIDED ->
          "The self-check cannot decide this answer: it counts 0 here, and "
              + "grading will decide it.";
    };
  }

  /** An enum name as words: {@code TIMED_OUT} -> {@code timed out}. */
  static String words(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
