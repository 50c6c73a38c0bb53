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
 */
public record Call(String key, String solverInterface, String method, String inputJson) {}
