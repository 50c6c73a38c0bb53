package org.mlgrade.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds out, once per grader process, which isolation levels work on this machine, by starting
 * {@code java -version} through each level's command chain. The answers are cached.
 *
 * <p>{@link IsolationLevel#BUBBLEWRAP} needs {@code bwrap}, {@code prlimit} and user namespaces
 * (Docker's default seccomp profile forbids them); {@link IsolationLevel#UNPRIVILEGED_USER} needs
 * root (to drop to uid 65534 with {@code setpriv}) and {@code prlimit}; {@link
 * IsolationLevel#PROCESS_ONLY} always works.
 */
public final class IsolationProbe {

  /** Whether a level works, and if not, why. */
  public record Verdict(IsolationLevel level, boolean works, String detail) {}

  private static final long PROBE_SECONDS = 20;
  private static Map<IsolationLevel, Verdict> verdicts;

  private IsolationProbe() {}

  /** Whether {@code level} works here. */
  public static boolean works(IsolationLevel level) {
    return verdict(level).works();
  }

  /** The probe's verdict on {@code level}. */
  public static synchronized Verdict verdict(IsolationLevel level) {
    if (verdicts == null) {
      verdicts = new EnumMap<>(IsolationLevel.class);
    }
    return verdicts.computeIfAbsent(level, IsolationProbe::probe);
  }

  /** The strongest level that works here; {@link IsolationLevel#PROCESS_ONLY} at worst. */
  public static IsolationLevel strongestAvailable() {
    for (IsolationLevel level : IsolationLevel.values()) {
      if (works(level)) {
        return level;
      }
    }
    return IsolationLevel.PROCESS_ONLY;
  }

  private static Verdict probe(IsolationLevel level) {
    List<Path> tools = new ArrayList<>();
    switch (level) {
      case BUBBLEWRAP -> tools.addAll(List.of(LaunchCommand.PRLIMIT, LaunchCommand.BWRAP));
      case UNPRIVILEGED_USER -> {
        if (!LaunchCommand.isRoot()) {
          return new Verdict(level, false, "needs root to switch to uid 65534");
        }
        tools.addAll(List.of(LaunchCommand.SETPRIV, LaunchCommand.PRLIMIT));
      }
      case PROCESS_ONLY -> {
        return new Verdict(level, true, "a plain child process");
      }
    }
    if (LaunchCommand.isRoot()) {
      tools.add(LaunchCommand.SETPRIV);
    }
    for (Path tool : tools) {
      if (!Files.isExecutable(tool)) {
        return new Verdict(level, false, tool + " is not installed");
      }
    }
    List<String> command = LaunchCommand.build(level, List.of(), Path.of("/"), 30,
        List.of("-Xshare:auto", "-version"));
    try {
      Process process = new ProcessBuilder(command)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Verdict(level, false, "java -version did not finish in " + PROBE_SECONDS
            + " s through: " + String.join(" ", command));
      }
      int status = process.exitValue();
      return status == 0 ? new Verdict(level, true, "java -version ran through the chain")
          : new Verdict(level, false, "java -version exited with status " + status
              + " through: " + String.join(" ", command));
    } catch (IOException e) {
      return new Verdict(level, false, "cannot start " + command.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Verdict(level, false, "interrupted while probing");
    }
  }
}
