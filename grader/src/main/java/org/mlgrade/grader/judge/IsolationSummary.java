package org.mlgrade.grader.judge;

import java.util.List;
import java.util.Map;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.IsolationNotes;

/**
 * How the student's code was kept apart from the grading machine, as reporters show it: the
 * sandbox's {@link IsolationLevel} by name and in words, and its {@link IsolationNotes}.
 *
 * @param name the level's name, e.g. {@code BUBBLEWRAP}
 * @param description what the level means, in words a student understands
 * @param weakIsolationAllowed hidden tests were graded although the level could not keep them from
 *     the child ({@code --allow-weak-isolation})
 * @param weaknesses what the child could read that it must not (empty at a sound level)
 * @param canary each start-up canary attempt and what happened; empty when no canary ran
 * @param memoryLimit what bounds each child's memory besides its heap (a cgroup per child, or the
 *     resident-memory watchdog); empty when no sandbox ran
 */
public record IsolationSummary(
    String name,
    String description,
    boolean weakIsolationAllowed,
    List<String> weaknesses,
    Map<String, String> canary,
    String memoryLimit) {

  public IsolationSummary {
    weaknesses = List.copyOf(weaknesses);
    canary = Map.copyOf(canary);
    memoryLimit = memoryLimit == null ? "" : memoryLimit;
  }

  /** The summary of {@code level} with nothing to say beyond it. */
  public static IsolationSummary of(IsolationLevel level) {
    return of(level, IsolationNotes.none());
  }

  /** The summary of {@code level} with {@code notes}. */
  public static IsolationSummary of(IsolationLevel level, IsolationNotes notes) {
    return new IsolationSummary(
        level.name(),
        describe(level),
        notes.weakIsolationAllowed(),
        notes.weaknesses(),
        notes.canary(),
        notes.memoryLimit());
  }

  private static String describe(IsolationLevel level) {
    return switch (level) {
      case BUBBLEWRAP -> "bubblewrap sandbox (no network, only its own files, unprivileged user)";
      case UNPRIVILEGED_USER -> "separate process as an unprivileged user";
      case PROCESS_ONLY -> "separate process only (no operating-system isolation)";
    };
  }
}
