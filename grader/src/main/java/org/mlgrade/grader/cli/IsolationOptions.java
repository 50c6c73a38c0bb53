package org.mlgrade.grader.cli;

import java.util.List;
import java.util.concurrent.CompletionException;
import javax.tools.ToolProvider;
import org.mlgrade.grader.Grader;
import org.mlgrade.grader.sandbox.ChildAccess;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.IsolationProbe;
import org.mlgrade.grader.sandbox.IsolationRefusedException;
import org.mlgrade.grader.sandbox.SandboxOptions;
import picocli.CommandLine.Option;

/**
 * The sandbox options of the commands that grade hidden tests ({@code grade}, {@code batch}): a
 * picocli mixin for {@code --isolation} and {@code --allow-weak-isolation}, and the checks that
 * this machine can grade as asked, each failing with one line and {@link
 * ExitCodes#CANNOT_GRADE_HERE}.
 */
final class IsolationOptions {

  @Option(
      names = "--isolation",
      paramLabel = "LEVEL",
      description =
          "sandbox isolation: ${COMPLETION-CANDIDATES}; default: the strongest that "
              + "works on this machine. Asking for a level that does not work is an error.")
  IsolationLevel isolation;

  @Option(
      names = "--allow-weak-isolation",
      description =
          "grade hidden tests even at a level that cannot keep them from student code "
              + "(PROCESS_ONLY, or UNPRIVILEGED_USER while other users can read the grader, the "
              + "rubric, the submissions or the output folder); the results say so")
  boolean allowWeakIsolation;

  /**
   * The sandbox options asked for, with {@code secrets} the child must not read.
   *
   * @throws CommandFailure when the Java runtime has no compiler or the level asked for does not
   *     work here
   */
  SandboxOptions sandbox(List<ChildAccess.Secret> secrets) {
    if (ToolProvider.getSystemJavaCompiler() == null) {
      throw new CommandFailure(
          ExitCodes.CANNOT_GRADE_HERE,
          "this Java runtime ("
              + System.getProperty("java.home")
              + ") has no Java compiler: it is a JRE; run mlgrade "
              + "with the java of a JDK 17 or newer");
    }
    if (isolation != null && !IsolationProbe.works(isolation)) {
      throw new CommandFailure(
          ExitCodes.CANNOT_GRADE_HERE,
          "isolation level "
              + isolation
              + " does not work here: "
              + IsolationProbe.verdict(isolation).detail()
              + " (leave --isolation out for the strongest level that works)");
    }
    SandboxOptions options =
        isolation == null
            ? SandboxOptions.defaults()
            : SandboxOptions.defaults().withIsolation(isolation);
    return options.withAllowWeakIsolation(allowWeakIsolation).withSecrets(secrets);
  }

  /**
   * Waits for {@code grader}'s sandbox and returns its level, so that a refusal comes before any
   * student is graded.
   *
   * @throws IsolationRefusedException when the level in force cannot keep the rubric's hidden tests
   *     or the secrets from student code
   */
  static IsolationLevel await(Grader grader) {
    try {
      return grader.isolation().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
