package org.mlgrade.grader.sandbox;

/**
 * One call of student code that the sandbox makes: find the student's class implementing {@code
 * solverInterface}, call {@code method} with the input decoded from {@code inputJson}, return the
 * result encoded as JSON. The call carries inputs only, never an expected output.
 *
 * @param key identifies the call in the returned {@link CallResult}
 * @param solverInterface fully-qualified name of the student-facing interface
 * @param method the interface method's name; it takes one argument
 * @param inputJson the argument in the wire format ({@code org.mlgrade.harness.Wire})
 * @param maxAnswerChars the longest encoded answer accepted: what any answer to this test can
 *     be, with a margin (the grading plan derives it from the expected answer); a longer one is
 *     {@link CallStatus#ANSWER_TOO_LARGE} and is never held in the grader's memory
 */
public record Call(
    String key, String solverInterface, String method, String inputJson, int maxAnswerChars) {

  /** The bound of a call made without one: 1 MiB characters of JSON. */
  public static final int DEFAULT_MAX_ANSWER_CHARS = 1 << 20;

  public Call {
    if (maxAnswerChars < 2) {
      throw new IllegalArgumentException("maxAnswerChars must be at least 2, got "
          + maxAnswerChars);
    }
  }

  /** A call whose answer may be up to {@link #DEFAULT_MAX_ANSWER_CHARS} long. */
  public Call(String key, String solverInterface, String method, String inputJson) {
    this(key, solverInterface, method, inputJson, DEFAULT_MAX_ANSWER_CHARS);
  }
}
