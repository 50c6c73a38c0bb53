package org.mlgrade.grader.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mlgrade.grader.gradescope.AutograderPackage;
import org.mlgrade.grader.handout.Handout;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.rubric.RubricException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mlgrade handout}: what an instructor posts for students. */
@Command(
    name = "handout",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the students' handout for a rubric into DIR: the API jar, its sources and its",
      "Javadoc, a skeleton class per graded interface, a pom.xml, the visible tests with their",
      "expected answers and the answers of the known mistakes, the self-check mlgrade-check.jar",
      "and a README. No reference code and no hidden test goes into it. Runs from mlgrade.jar",
      "with mlgrade-check.jar beside it (both in grader/target after mvn package)."
    })
final class HandoutCommand implements Callable<Integer> {

  @Mixin RubricOption rubric;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "the handout folder to write (must not exist or be empty)")
  Path out;

  @Option(names = "--zip", description = "also write DIR.zip")
  boolean zip;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, RubricException {
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> checkJar = AutograderPackage.runningJar().flatMap(Handout::checkJarBeside);
    if (checkJar.isEmpty()) {
      err.println(
          "mlgrade handout: no "
              + Handout.CHECK_JAR
              + " beside the running mlgrade.jar;"
              + " build both (mvn -B -DskipTests package) and run java -jar grader/target/mlgrade.jar"
              + " handout ...");
      return ExitCodes.USAGE;
    }
    GradingPlan plan;
    try {
      plan = GradingPlan.of(rubric.source().load());
    } catch (IllegalArgumentException e) {
      err.println("mlgrade handout: invalid rubric: " + e.getMessage());
      return ExitCodes.INVALID_RUBRIC;
    }
    try {
      Handout.write(plan, checkJar.get(), out);
    } catch (IllegalArgumentException e) {
      err.println("mlgrade handout: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("Wrote the handout to " + out);
    if (zip) {
      Path file =
          out.toAbsolutePath()
              .normalize()
              .resolveSibling(out.toAbsolutePath().normalize().getFileName() + ".zip");
      Handout.zip(out, file);
      stdout.println("Wrote " + file);
    }
    stdout.flush();
    return ExitCodes.OK;
  }
}
