package org.mlgrade.grader.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link ProcessSandbox} runs its child JVMs.
 *
 * @param isolation the isolation level to use, or {@code null} for the strongest one that works on
 *     this machine ({@link IsolationProbe#strongestAvailable()}); asking for a level that does not
 *     work here is an error, asking for a weaker one is allowed (tests, operators)
 * @param extraClasspath directories added to the child's class path after the API and before the
 *     student's classes, not scanned for implementations; for tests that compile a fake API
 *     interface outside {@code org.mlgrade.api}'s real classes. Never put trusted code here
 * @param stackKilobytes the child's thread stack size ({@code -Xss})
 * @param startupTimeout how long a new child may take to announce its first call
 * @param secrets files the child must not read besides the grader's own code: the rubric, the
 *     submissions, the output folder (see {@link #refusal})
 * @param allowWeakIsolation grade hidden tests even at a level that cannot keep them from the child
 *     (the operator's explicit {@code --allow-weak-isolation}); the result says so
 */
public record SandboxOptions(
    IsolationLevel isolation,
    List<Path> extraClasspath,
    int stackKilobytes,
    Duration startupTimeout,
    List<ChildAccess.Secret> secrets,
    boolean allowWeakIsolation) {

  public SandboxOptions {
    extraClasspath = List.copyOf(extraClasspath);
    secrets = List.copyOf(secrets);
    if (stackKilobytes < 256) {
      throw new IllegalArgumentException(
          "stackKilobytes must be at least 256, got " + stackKilobytes);
    }
    Objects.requireNonNull(startupTimeout, "startupTimeout");
    if (startupTimeout.isNegative() || startupTimeout.isZero()) {
      throw new IllegalArgumentException("startupTimeout must be positive, got " + startupTimeout);
    }
  }

  /** The strongest isolation available, no extra class path, 1 MiB stacks, 30 s to start. */
  public static SandboxOptions defaults() {
    return new SandboxOptions(null, List.of(), 1024, Duration.ofSeconds(30), List.of(), false);
  }

  /** These options with {@code level} forced. */
  public SandboxOptions withIsolation(IsolationLevel level) {
    return new SandboxOptions(
        Objects.requireNonNull(level, "level"),
        extraClasspath,
        stackKilobytes,
        startupTimeout,
        secrets,
        allowWeakIsolation);
  }

  /** These options with {@code directories} as the extra class path. */
  public SandboxOptions withExtraClasspath(List<Path> directories) {
    return new SandboxOptions(
        isolation, directories, stackKilobytes, startupTimeout, secrets, allowWeakIsolation);
  }

  /** These options with {@code more} added to the secrets the child must not read. */
  public SandboxOptions withSecrets(List<ChildAccess.Secret> more) {
    List<ChildAccess.Secret> all = new ArrayList<>(secrets);
    all.addAll(more);
    return new SandboxOptions(
        isolation, extraClasspath, stackKilobytes, startupTimeout, all, allowWeakIsolation);
  }

  /** These options with the operator's {@code --allow-weak-isolation} set or cleared. */
  public SandboxOptions withAllowWeakIsolation(boolean allow) {
    return new SandboxOptions(
        isolation, extraClasspath, stackKilobytes, startupTimeout, secrets, allow);
  }

  /**
   * Why hidden tests must not be graded at {@code level} with these options, or empty when they
   * may. {@code PROCESS_ONLY} runs student code as the grader's own user: it is for a student's
   * self-check, never for hidden tests. At {@code UNPRIVILEGED_USER} the child can read every file
   * that uid {@value LaunchCommand#NOBODY} can: the grader's code, {@link #secrets} and every
   * directory above them must deny it. {@code BUBBLEWRAP} shows the child only its own files.
   * {@link #allowWeakIsolation} lifts the refusal (the result then says so; see {@link
   * #weaknesses}). Every front door ({@code grade}, {@code batch}, {@code gradescope}) goes through
   * {@code Grader.Start.open}, which calls this once the level is known.
   */
  public Optional<String> refusal(IsolationLevel level, boolean hiddenTests) {
    List<String> weaknesses = weaknesses(level);
    if (!hiddenTests || allowWeakIsolation || weaknesses.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(refusalMessage(level, weaknesses));
  }

  /** The refusal for {@code weaknesses} at {@code level}, saying what to change. */
  static String refusalMessage(IsolationLevel level, List<String> weaknesses) {
    return "refusing to grade hidden tests at isolation level "
        + level
        + ": "
        + String.join("; ", weaknesses)
        + ". Fix that, or pass --allow-weak-isolation to grade "
        + "anyway (the results will say so).";
  }

  /** What a child at {@code level} could read that it must not: empty when nothing. */
  public List<String> weaknesses(IsolationLevel level) {
    return switch (level) {
      case BUBBLEWRAP -> List.of();
      case PROCESS_ONLY ->
          List.of(
              "PROCESS_ONLY runs student code as the grader's own user, "
                  + "which can read the rubric, the reference and other submissions; it is for a "
                  + "student's self-check (install bubblewrap, or run as root for UNPRIVILEGED_USER)");
      case UNPRIVILEGED_USER -> {
        List<ChildAccess.Secret> all = new ArrayList<>(ChildAccess.graderCode());
        all.addAll(secrets);
        yield ChildAccess.exposed(all).stream().map(ChildAccess.Exposure::toString).toList();
      }
    };
  }
}
