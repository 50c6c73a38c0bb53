package org.mlgrade.grader.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mlgrade.grader.check.CheckOptions;
import org.mlgrade.grader.check.CheckRun;
import org.mlgrade.grader.gradescope.AutograderPackage;
import org.mlgrade.grader.handout.Handout;
import org.mlgrade.grader.handout.VisibleTestsBuilder;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.rubric.RubricException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlgrade check}: the students' self-check, from a rubric, as the handout runs it. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the self-check of the handout of a rubric: compiles SOURCES, runs the",
      "rubric's visible tests in the sandbox, prints what",
      "java -jar mlgrade-check.jar check prints and writes the same feedback.pdf",
      "(mlgrade-check/feedback.pdf unless --out)."
    })
final class CheckCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "SOURCES",
      arity = "0..1",
      defaultValue = "src",
      description = "a directory or .zip of .java files (default: ${DEFAULT-VALUE})")
  Path sources;

  @Mixin RubricOption rubric;

  @Mixin CheckOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, RubricException {
    Optional<Path> checkJar = AutograderPackage.runningJar().flatMap(Handout::checkJarBeside);
    if (checkJar.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "mlgrade check: no "
                  + Handout.CHECK_JAR
                  + " beside "
                  + "the running mlgrade.jar, which decides what the handout can check; build both "
                  + "(mvn -B -DskipTests package) and run java -jar grader/target/mlgrade.jar check ...");
      return ExitCodes.USAGE;
    }
    GradingPlan plan;
    try {
      plan = GradingPlan.of(rubric.source().load());
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("mlgrade check: invalid rubric: " + e.getMessage());
      return ExitCodes.INVALID_RUBRIC;
    }
    return CheckRun.run(
        VisibleTestsBuilder.of(plan, Handout.portableIn(checkJar.get())),
        sources,
        options.isolation,
        options.outDir,
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        CheckRun.colourTerminal());
  }
}
