package org.mlgrade.grader.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What a result says about its isolation beyond the level: whether the operator allowed a level
 * weaker than the rubric's hidden tests need, what the child could have read, and what the start-up
 * canary found.
 *
 * @param weakIsolationAllowed hidden tests were graded although the level could not keep them from
 *     the child ({@code --allow-weak-isolation})
 * @param weaknesses what the child could read that it must not (empty at a sound level)
 * @param canary each canary attempt (e.g. {@code "read rubric"}) and what happened ({@code "denied:
 *     ..."}, {@code "SUCCEEDED"}, ...); empty when no canary ran
 * @param memoryLimit what bounds each child's memory besides {@code -Xmx}: a cgroup made per child
 *     where the machine has a writable one, else the resident-memory watchdog; empty when no
 *     sandbox ran
 */
public record IsolationNotes(
    @JsonProperty("weak_isolation_allowed") boolean weakIsolationAllowed,
    List<String> weaknesses,
    Map<String, String> canary,
    @JsonProperty("memory_limit") String memoryLimit) {

  public IsolationNotes {
    weaknesses = List.copyOf(weaknesses);
    canary = Map.copyOf(canary);
    memoryLimit = memoryLimit == null ? "" : memoryLimit;
  }

  /** Nothing to say: a sound level, no canary. */
  public static IsolationNotes none() {
    return new IsolationNotes(false, List.of(), Map.of(), "");
  }
}
