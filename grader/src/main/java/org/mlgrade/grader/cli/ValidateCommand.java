package org.mlgrade.grader.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlgrade.grader.Grader;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.rubric.Question;
import org.mlgrade.grader.rubric.ReferenceTiming;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricError;
import org.mlgrade.grader.rubric.RubricException;
import org.mlgrade.grader.rubric.Visibility;
import org.mlgrade.grader.sandbox.SandboxFit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mlgrade validate}: checks rubric files without grading anything. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks rubric files: fields, problem ids, inputs, tolerances, points, known-mistake ids,",
      "and that the reference answers every test. Each error names file:line:column.",
      "Without a file, checks the bundled default rubric."
    })
final class ValidateCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RUBRIC", arity = "0..*", description = "rubric files (.json, .yaml)")
  List<Path> rubrics = List.of();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> files = rubrics.isEmpty() ? Collections.singletonList(null) : rubrics;
    int status = ExitCodes.OK;
    for (Path file : files) {
      try {
        Rubric rubric = RubricSource.load(file);
        GradingPlan plan = GradingPlan.of(rubric);
        rubric.warnings().forEach(err::println);
        ReferenceTiming.warnings(rubric, System::nanoTime).forEach(err::println);
        long hidden =
            plan.tests().stream().filter(t -> t.test().visibility() != Visibility.VISIBLE).count();
        out.printf(
            "%s: valid — %s, %d questions, %d tests (%d not visible at once), %s points%n",
            rubric.source(),
            rubric.assignment(),
            rubric.questions().size(),
            plan.tests().size(),
            hidden,
            points(rubric));
        for (String warning :
            SandboxFit.warnings(Grader.sandboxLimits(rubric.limits()), plan.calls())) {
          err.println(rubric.source() + ": warning: " + warning);
        }
      } catch (RubricException e) {
        for (RubricError error : e.errors()) {
          err.println(error);
        }
        status = ExitCodes.INVALID_RUBRIC;
      } catch (IllegalArgumentException e) {
        err.println((file == null ? "bundled rubric" : file) + ": " + e.getMessage());
        status = ExitCodes.INVALID_RUBRIC;
      }
    }
    return status;
  }

  private static String points(Rubric rubric) {
    return BigDecimal.valueOf(rubric.questions().stream().mapToDouble(Question::points).sum())
        .stripTrailingZeros()
        .toPlainString();
  }
}
