package org.mlgrade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.sandbox.IsolationRefusedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The command line's answers that need no child JVM and no subprocess: usage errors, invalid
 * rubrics, and how an internal error is reported (a failure injected through a test subcommand).
 * Grading through the command line is in {@code GradeEndToEndTest}.
 */
class MainTest {

  private final Cli cli = new Cli();

  @Test
  void validateAcceptsTheBundledAndTheRepositoryRubrics() {
    assertThat(cli.run("validate")).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("(bundled) rubrics/ml-homework.json: valid")
        .contains("22 questions");
    assertThat(
            cli.run(
                "validate",
                "../rubrics/ml-homework.json",
                "../rubrics/hw1-cnn-arithmetic.yaml",
                "../rubrics/hw2-kernels-sgd-backprop.yaml",
                "../rubrics/hw3-em-resnet.yaml",
                "../rubrics/hw4-naive-bayes.yaml"))
        .as(cli.err())
        .isZero();
  }

  @Test
  void validateReportsEachErrorWithFileLineAndColumn(@TempDir Path dir) throws Exception {
    Path rubric = dir.resolve("broken.yaml");
    Files.writeString(
        rubric,
        """
        assignment: HW
        questions:
          - id: q1
            points: 2
            problem: conv.output-shap
            tests:
              - generate: {count: 1, seed: 1}
          - id: q2
            points: 2
            problem: conv.costs
            tolerence: {abs: 1e-9}
            tests:
              - generate: {count: 1, seed: 1}
        """);
    assertThat(cli.run("validate", rubric.toString())).isEqualTo(ExitCodes.INVALID_RUBRIC);
    assertThat(cli.err())
        .contains(rubric + ":5:14: ")
        .contains("conv.output-shap")
        .contains(rubric + ":11:5: ")
        .contains("tolerence");
  }

  @Test
  void gradeRefusesAMissingSubmissionAsAUsageError() {
    assertThat(cli.run("grade", "no/such/submission")).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("no such submission: no/such/submission");
  }

  @Test
  void gradeWithABrokenRubricSaysWhatToFixAndGradesNothing(@TempDir Path dir) throws Exception {
    Path rubric = dir.resolve("r.json");
    Files.writeString(rubric, "{\"assignment\": \"HW\", \"questions\": []}");
    assertThat(
            cli.run(
                "grade",
                "--rubric",
                rubric.toString(),
                "--out",
                dir.resolve("o").toString(),
                "../submissions-sample/correct"))
        .isEqualTo(ExitCodes.INVALID_RUBRIC);
    assertThat(cli.err()).contains(rubric + ":1:");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void anUnknownIsolationLevelIsAUsageError() {
    assertThat(cli.run("grade", "--isolation", "CHROOT", "../submissions-sample/correct"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("BUBBLEWRAP");
  }

  @Test
  void versionComesFromTheBuild() {
    assertThat(cli.run("--version")).isZero();
    assertThat(cli.out()).startsWith("mlgrade ");
  }

  @Test
  void gradeRefusesAnOutputFolderItCannotWriteBeforeGrading(@TempDir Path dir) throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("out"), "a file");
    assertThat(
            cli.run(
                "grade",
                "--rubric",
                "../rubrics/hw4-naive-bayes.yaml",
                "--out",
                notAFolder.toString(),
                "../submissions-sample/correct"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err())
        .isEqualTo(
            "mlgrade grade: cannot write results: the output folder "
                + notAFolder
                + " is not a directory"
                + System.lineSeparator());
  }

  @Test
  void gradescopeWithAResultsFolderItCannotWriteSaysSoInOneLine(@TempDir Path root)
      throws Exception {
    Files.writeString(root.resolve("results"), "a file where the folder goes");
    assertThat(cli.run("gradescope", "--root", root.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err().lines()).hasSize(1);
    assertThat(cli.err())
        .startsWith("mlgrade gradescope: cannot write results.json into " + root.resolve("results"))
        .endsWith("; no results.json written" + System.lineSeparator());
  }

  /** A subcommand that fails the way it is told to, for the handler's sake. */
  @Command(name = "fail")
  static final class Fail implements Callable<Integer> {
    @Parameters String how;

    @Override
    public Integer call() throws Exception {
      switch (how) {
        case "bug" -> throw new IllegalStateException("injected failure\nsecond line");
        case "error" -> throw new StackOverflowError("injected error");
        case "refused" ->
            throw new IsolationRefusedException(
                "refusing to grade hidden tests "
                    + "at isolation level UNPRIVILEGED_USER: run `chmod o= /x`");
        default -> throw new CommandFailure(ExitCodes.USAGE, "told to fail: " + how);
      }
    }
  }

  private static Cli withFail() {
    return new Cli(Main.commandLine().addSubcommand(new Fail()));
  }

  @Test
  void anInternalErrorIsOneLineNamingALogThatHoldsTheStackTrace() throws Exception {
    Cli failing = withFail();

    assertThat(failing.run("fail", "bug")).isEqualTo(ExitCodes.GRADER_ERROR);

    String err = failing.err();
    assertThat(err.lines()).hasSize(1);
    assertThat(err)
        .startsWith("mlgrade fail: internal error: IllegalStateException: " + "injected failure. ")
        .doesNotContain("\tat ")
        .doesNotContain("second line");
    Matcher log = Pattern.compile("the details are in (\\S+) \\(").matcher(err);
    assertThat(log.find()).as(err).isTrue();
    Path file = Path.of(log.group(1));
    try {
      assertThat(Files.readString(file))
          .contains("command line: mlgrade fail bug")
          .contains("java.lang.IllegalStateException: injected failure")
          .contains("at " + Fail.class.getName() + ".call");
      assertThat(file.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void anErrorOfTheJvmIsReportedTheSameWay() throws Exception {
    Cli failing = withFail();

    assertThat(failing.run("fail", "error")).isEqualTo(ExitCodes.GRADER_ERROR);

    assertThat(failing.err().lines()).hasSize(1);
    assertThat(failing.err()).contains("internal error: StackOverflowError: injected error");
    Matcher log = Pattern.compile("the details are in (\\S+) \\(").matcher(failing.err());
    assertThat(log.find()).isTrue();
    Files.deleteIfExists(Path.of(log.group(1)));
  }

  @Test
  void aRefusalAndACommandFailureAreOneLineWithTheirOwnExitCodes() {
    Cli failing = withFail();
    assertThat(failing.run("fail", "refused")).isEqualTo(ExitCodes.CANNOT_GRADE_HERE);
    assertThat(failing.err())
        .isEqualTo(
            "mlgrade fail: refusing to grade hidden tests at "
                + "isolation level UNPRIVILEGED_USER: run `chmod o= /x`"
                + System.lineSeparator());
    failing.clear();
    assertThat(failing.run("fail", "usage")).isEqualTo(ExitCodes.USAGE);
    assertThat(failing.err())
        .isEqualTo("mlgrade fail: told to fail: usage" + System.lineSeparator());
  }

  @Test
  void everyExitCodeIsDistinctAndListedInTheHelp() {
    assertThat(
            Set.of(
                ExitCodes.OK,
                ExitCodes.GRADER_ERROR,
                ExitCodes.USAGE,
                ExitCodes.INVALID_RUBRIC,
                ExitCodes.INCOMPLETE,
                ExitCodes.CANNOT_GRADE_HERE))
        .hasSize(6);
    assertThat(cli.run("--help")).isZero();
    for (int code = 0; code <= 5; code++) {
      assertThat(cli.out()).containsPattern("(?m)^\\s+" + code + "\\s+\\S");
    }
  }
}
