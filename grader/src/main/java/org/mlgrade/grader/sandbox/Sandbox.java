package org.mlgrade.grader.sandbox;

import java.nio.file.Path;
import java.util.List;

/** Runs student code in a child JVM that sees inputs only. */
public interface Sandbox {

  /**
   * Runs {@code calls} against the compiled student classes in {@code classesDir}, within {@code
   * limits}. Never throws for anything the student's code does; the result lists every call.
   */
  SandboxRun run(Path classesDir, List<Call> calls, SandboxLimits limits);
}
