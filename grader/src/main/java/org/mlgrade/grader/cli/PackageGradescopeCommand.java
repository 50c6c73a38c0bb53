package org.mlgrade.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mlgrade.grader.gradescope.AutograderPackage;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.rubric.RubricException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlgrade package-gradescope}: the autograder zip to upload to Gradescope. */
@Command(
    name = "package-gradescope",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the autograder zip to upload to Gradescope: setup.sh (installs a JDK 17+ and,",
      "if it can, bubblewrap), run_autograder (calls mlgrade gradescope), this mlgrade.jar and",
      "the rubric, validated first. Must run from mlgrade.jar (java -jar mlgrade.jar ...)."
    })
final class PackageGradescopeCommand implements Callable<Integer> {

  @Mixin RubricOption rubric;

  @Option(
      names = "--out",
      paramLabel = "ZIP",
      required = true,
      description = "the zip to write, e.g. autograder.zip")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, RubricException {
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> jar = AutograderPackage.runningJar();
    if (jar.isEmpty()) {
      err.println(
          "mlgrade package-gradescope: not running from a jar, so there is no "
              + "mlgrade.jar to package; build it (mvn -B -DskipTests package) and run java -jar "
              + "grader/target/mlgrade.jar package-gradescope ...");
      return ExitCodes.USAGE;
    }
    RubricSource source = rubric.source();
    try {
      GradingPlan.of(source.load());
    } catch (IllegalArgumentException e) {
      err.println("mlgrade package-gradescope: invalid rubric: " + e.getMessage());
      return ExitCodes.INVALID_RUBRIC;
    }
    String name = AutograderPackage.rubricName(source.name());
    AutograderPackage.write(jar.get(), name, source.text(), out);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println(
        "Wrote "
            + out
            + ": setup.sh, run_autograder, "
            + AutograderPackage.JAR_NAME
            + ", "
            + name
            + ". Upload it as the assignment's autograder on Gradescope.");
    stdout.flush();
    return ExitCodes.OK;
  }
}
