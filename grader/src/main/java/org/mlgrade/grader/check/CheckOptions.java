package org.mlgrade.grader.check;

import java.nio.file.Path;
import org.mlgrade.grader.sandbox.IsolationLevel;
import picocli.CommandLine.Option;

/**
 * The options every self-check takes, from the handout's jar or from the full one: the sandbox
 * level and where the feedback PDF goes.
 */
public final class CheckOptions {

  /** The isolation level asked for; null for the strongest that works here. */
  @Option(names = "--isolation", paramLabel = "LEVEL",
      description = "sandbox isolation: ${COMPLETION-CANDIDATES}; default: the strongest that "
          + "works here")
  public IsolationLevel isolation;

  /** Where feedback.pdf goes. */
  @Option(names = "--out", paramLabel = "DIR", defaultValue = CheckRun.DEFAULT_OUT,
      description = "where to write feedback.pdf, created if missing (default: "
          + "${DEFAULT-VALUE} in the current directory)")
  public Path outDir;
}
