package org.mlgrade.grader.sandbox;

import java.util.List;

/**
 * The outcome of running all of one submission's calls.
 *
 * @param results one result per call, in the order of the calls, always complete: a call that
 *     could not run has a result saying why
 * @param isolation the isolation level in force
 * @param restarts how many times the child JVM had to be started again after it died or was
 *     stopped
 */
public record SandboxRun(List<CallResult> results, IsolationLevel isolation, int restarts) {

  public SandboxRun {
    results = List.copyOf(results);
  }

  /** A run in which none of {@code calls} was made, each for the reason {@code why}. */
  public static SandboxRun notRun(List<Call> calls, IsolationLevel isolation, String why) {
    return new SandboxRun(calls.stream().map(call -> new CallResult(call.key(),
        CallStatus.NOT_RUN, null, why, 0, "", "")).toList(), isolation, 0);
  }
}
