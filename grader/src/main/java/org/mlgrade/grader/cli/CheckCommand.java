package org.mlgrade.grader.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlgrade.grader.check.CheckRun;
import org.mlgrade.grader.handout.VisibleTestsBuilder;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.rubric.RubricError;
import org.mlgrade.grader.rubric.RubricException;
import org.mlgrade.grader.sandbox.IsolationLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlgrade check}: the students' self-check, from a rubric, as the handout runs it. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the self-check of the handout of a rubric: compiles SOURCES, runs the rubric's",
      "visible tests in the sandbox and prints what java -jar mlgrade-check.jar check prints."
    })
final class CheckCommand implements Callable<Integer> {

  @Parameters(paramLabel = "SOURCES", arity = "0..1", defaultValue = "src",
      description = "a directory or .zip of .java files (default: ${DEFAULT-VALUE})")
  Path sources;

  @Option(names = "--rubric", paramLabel = "FILE",
      description = "the rubric (.json, .yaml); default: the bundled rubrics/ml-homework.json")
  Path rubric;

  @Option(names = "--isolation", paramLabel = "LEVEL",
      description = "sandbox isolation: ${COMPLETION-CANDIDATES}; default: the strongest that "
          + "works here")
  IsolationLevel isolation;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    GradingPlan plan;
    try {
      plan = GradingPlan.of(RubricSource.load(rubric));
    } catch (RubricException e) {
      for (RubricError error : e.errors()) {
        spec.commandLine().getErr().println(error);
      }
      return ExitCodes.INVALID_RUBRIC;
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("mlgrade check: invalid rubric: " + e.getMessage());
      return ExitCodes.INVALID_RUBRIC;
    }
    return CheckRun.run(VisibleTestsBuilder.of(plan), sources, isolation,
        spec.commandLine().getOut(), spec.commandLine().getErr(), CheckRun.colourTerminal());
  }
}
