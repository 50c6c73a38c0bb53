package org.mlgrade.grader.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link ProcessSandbox} runs its child JVMs.
 *
 * @param isolation the isolation level to use, or {@code null} for the strongest one that works
 *     on this machine ({@link IsolationProbe#strongestAvailable()}); asking for a level that does
 *     not work here is an error, asking for a weaker one is allowed (tests, operators)
 * @param extraClasspath directories added to the child's class path after the API and before the
 *     student's classes, not scanned for implementations; for tests that compile a fake API
 *     interface outside {@code org.mlgrade.api}'s real classes. Never put trusted code here
 * @param stackKilobytes the child's thread stack size ({@code -Xss})
 * @param startupTimeout how long a new child may take to announce its first call
 */
public record SandboxOptions(
    IsolationLevel isolation, List<Path> extraClasspath, int stackKilobytes,
    Duration startupTimeout) {

  public SandboxOptions {
    extraClasspath = List.copyOf(extraClasspath);
    if (stackKilobytes < 256) {
      throw new IllegalArgumentException("stackKilobytes must be at least 256, got "
          + stackKilobytes);
    }
    Objects.requireNonNull(startupTimeout, "startupTimeout");
    if (startupTimeout.isNegative() || startupTimeout.isZero()) {
      throw new IllegalArgumentException("startupTimeout must be positive, got " + startupTimeout);
    }
  }

  /** The strongest isolation available, no extra class path, 1 MiB stacks, 30 s to start. */
  public static SandboxOptions defaults() {
    return new SandboxOptions(null, List.of(), 1024, Duration.ofSeconds(30));
  }

  /** These options with {@code level} forced. */
  public SandboxOptions withIsolation(IsolationLevel level) {
    return new SandboxOptions(Objects.requireNonNull(level, "level"), extraClasspath,
        stackKilobytes, startupTimeout);
  }

  /** These options with {@code directories} as the extra class path. */
  public SandboxOptions withExtraClasspath(List<Path> directories) {
    return new SandboxOptions(isolation, directories, stackKilobytes, startupTimeout);
  }
}
