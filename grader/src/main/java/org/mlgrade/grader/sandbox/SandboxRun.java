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
}
