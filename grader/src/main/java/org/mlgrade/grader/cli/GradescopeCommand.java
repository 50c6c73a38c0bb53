package org.mlgrade.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlgrade.grader.gradescope.Autograder;
import org.mlgrade.grader.sandbox.SandboxOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlgrade gradescope}: grades inside Gradescope's container; always a results.json. */
@Command(
    name = "gradescope",
    mixinStandardHelpOptions = true,
    description = {
      "Grades ROOT/submission with the rubric in ROOT/source (rubric.yaml, rubric.yml or",
      "rubric.json) and writes ROOT/results/results.json, whatever happens: an invalid rubric",
      "or a failure of the grader still gives a valid file that says the autograder is at",
      "fault. Only a results folder that cannot be written (checked before grading) stops it",
      "(exit 2). Reads ROOT/submission_metadata.json when present. run_autograder calls it."
    })
final class GradescopeCommand implements Callable<Integer> {

  @Option(
      names = "--root",
      paramLabel = "DIR",
      defaultValue = "/autograder",
      description = "the autograder directory (default: ${DEFAULT-VALUE})")
  Path root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path written;
    try {
      written = Autograder.run(root, SandboxOptions.defaults(), out);
    } catch (IOException e) {
      throw new CommandFailure(ExitCodes.USAGE, e.getMessage() + "; no results.json written");
    }
    out.println("Wrote " + written);
    out.flush();
    return ExitCodes.OK;
  }
}
