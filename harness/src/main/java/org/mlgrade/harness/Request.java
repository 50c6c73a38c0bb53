package org.mlgrade.harness;

import java.util.List;

/**
 * What the grader asks of one child JVM, read from the request file the child deletes as soon as
 * it has read it.
 *
 * @param token the secret that marks this run's protocol lines on standard output
 * @param outputBytes how much of one call's standard output (and, separately, standard error) is
 *     kept; one byte more is a flood
 * @param classpath the directories student code is loaded from: the API, any extra directories
 *     and the student's classes, in that order
 * @param studentDir the directory of the student's classes, scanned for implementations
 * @param calls the calls to make, in order
 */
public record Request(
    String token, int outputBytes, List<String> classpath, String studentDir, List<Call> calls) {

  /**
   * One call of student code.
   *
   * @param index the call's position in the grader's list, echoed in every report about it
   * @param solverInterface the fully-qualified name of the API interface
   * @param method the name of the interface method, which takes one argument
   * @param inputJson the argument in the {@link Wire} format
   * @param maxAnswerChars the longest encoding of the returned value the grader accepts; a longer
   *     one is reported as {@code ANSWER_TOO_LARGE} without its value (the grader checks again)
   */
  public record Call(int index, String solverInterface, String method, String inputJson,
      int maxAnswerChars) {}
}
