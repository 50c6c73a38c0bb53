package org.mlgrade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Tag("e2e")
class MainTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void validateAcceptsTheBundledAndTheRepositoryRubrics() {
    assertThat(run("validate")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("(bundled) rubrics/ml-homework.json: valid")
        .contains("22 questions");
    assertThat(run("validate", "../rubrics/ml-homework.json",
        "../rubrics/hw1-cnn-arithmetic.yaml", "../rubrics/hw2-kernels-sgd-backprop.yaml",
        "../rubrics/hw3-em-resnet.yaml", "../rubrics/hw4-naive-bayes.yaml"))
        .as(err.toString()).isZero();
  }

  @Test
  void validateReportsEachErrorWithFileLineAndColumn(@TempDir Path dir) throws Exception {
    Path rubric = dir.resolve("broken.yaml");
    Files.writeString(rubric, """
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
    assertThat(run("validate", rubric.toString())).isEqualTo(ExitCodes.INVALID_RUBRIC);
    assertThat(err.toString())
        .contains(rubric + ":5:14: ")
        .contains("conv.output-shap")
        .contains(rubric + ":11:5: ")
        .contains("tolerence");
  }

  @Test
  void gradeRefusesAMissingSubmissionAsAUsageError() {
    assertThat(run("grade", "no/such/submission")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("no such submission: no/such/submission");
  }

  @Test
  void gradeWithABrokenRubricSaysWhatToFixAndGradesNothing(@TempDir Path dir)
      throws Exception {
    Path rubric = dir.resolve("r.json");
    Files.writeString(rubric, "{\"assignment\": \"HW\", \"questions\": []}");
    assertThat(run("grade", "--rubric", rubric.toString(), "--out", dir.resolve("o").toString(),
        "../submissions-sample/correct")).isEqualTo(ExitCodes.INVALID_RUBRIC);
    assertThat(err.toString()).contains(rubric + ":1:");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void anUnknownIsolationLevelIsAUsageError() {
    assertThat(run("grade", "--isolation", "CHROOT", "../submissions-sample/correct"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("BUBBLEWRAP");
  }

  @Test
  void versionComesFromTheBuild() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("mlgrade ");
  }

  @Test
  void visibleOnlyLeavesHiddenFailuresOutOfTheTerminal(@TempDir Path dir) throws Exception {
    Path rubric = dir.resolve("r.yaml");
    Files.writeString(rubric, """
        assignment: HW
        questions:
          - id: q1
            points: 2
            problem: alexnet.table
            tests:
              - generate: {count: 1, seed: 1}
                visibility: visible
              - generate: {count: 1, seed: 2, first: 1}
                visibility: hidden
        """);
    String sample = "../submissions-sample/mistake-alexnet-fc1-no-pool";
    assertThat(run("grade", "--rubric", rubric.toString(), "--out", dir.resolve("a").toString(),
        sample)).isZero();
    // The sample is an overlay: its AlexNetSolution is correct's, patched, so naming the mistake
    // shows that the command line graded the assembled submission.
    assertThat(out.toString()).contains("q1 visible #1").contains("q1 hidden #1")
        .contains("known mistake (fc1-without-pool)");
    out.getBuffer().setLength(0);
    assertThat(run("grade", "--visible-only", "--rubric", rubric.toString(), "--out",
        dir.resolve("b").toString(), sample)).isZero();
    assertThat(out.toString()).contains("q1 visible #1").doesNotContain("q1 hidden #1")
        .contains("0/2");
  }

  @Test
  void gradesAZipOfSourcesLikeTheDirectory(@TempDir Path dir) throws Exception {
    Path sample = Path.of("../submissions-sample/correct");
    Path zip = dir.resolve("correct.zip");
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(
            Files.newOutputStream(zip));
        java.util.stream.Stream<Path> files = Files.walk(sample)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        out.putNextEntry(new java.util.zip.ZipEntry(
            "handin/" + sample.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    Path rubric = Path.of("../rubrics/hw4-naive-bayes.yaml");
    assertThat(run("grade", "--rubric", rubric.toString(), "--out", dir.resolve("o").toString(),
        zip.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("HW4: Gaussian naive Bayes — correct.zip")
        .containsPattern("total\\s+12/12");
  }
}
