package org.mlgrade.grader.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a rubric's tests and limits fit the sandbox, for {@code validate} to warn before a
 * correct submission scores 0: one child's request (every call's input) must fit its 64 MiB
 * working folder under bubblewrap, and limits far beyond any homework usually are typos.
 */
public final class SandboxFit {

  /** Heaps beyond this many MiB are warned about. */
  static final int ABSURD_HEAP_MB = 16 * 1024;
  /** Per-test limits beyond this many seconds are warned about. */
  static final long ABSURD_PER_TEST_SECONDS = 600;
  /** Total limits beyond this many seconds are warned about. */
  static final long ABSURD_TOTAL_SECONDS = 3600;

  private SandboxFit() {}

  /** What does not fit, in words; empty when everything does. */
  public static List<String> warnings(SandboxLimits limits, List<Call> calls) {
    List<String> warnings = new ArrayList<>();
    if (limits.heapMegabytes() > ABSURD_HEAP_MB) {
      warnings.add("heap_mb " + limits.heapMegabytes() + " is more than " + ABSURD_HEAP_MB
          + " MiB: every child may take twice that of the grader's machine");
    }
    if (limits.perTest().toSeconds() > ABSURD_PER_TEST_SECONDS) {
      warnings.add("per_test_seconds " + limits.perTest().toSeconds() + " is more than "
          + ABSURD_PER_TEST_SECONDS + " s: a looping submission holds the grader that long per "
          + "test");
    }
    if (limits.total().toSeconds() > ABSURD_TOTAL_SECONDS) {
      warnings.add("total_seconds " + limits.total().toSeconds() + " is more than "
          + ABSURD_TOTAL_SECONDS + " s for one submission");
    }
    long bytes = 0;
    for (Call call : calls) {
      bytes += call.inputJson().getBytes(StandardCharsets.UTF_8).length + 200L;
    }
    if (bytes > LaunchCommand.FILE_BYTES) {
      warnings.add("the tests' inputs take " + (bytes >> 20) + " MiB, more than the "
          + (LaunchCommand.FILE_BYTES >> 20) + " MiB a sandbox child's request may have: under "
          + "bubblewrap no test would run; use fewer or smaller tests");
    }
    return warnings;
  }
}
