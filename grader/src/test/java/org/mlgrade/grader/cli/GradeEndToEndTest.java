package org.mlgrade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlgrade grade} through the command line, grading real samples in child JVMs. */
@Tag("e2e")
class GradeEndToEndTest {

  private final Cli cli = new Cli();

  @Test
  void visibleOnlyLeavesHiddenFailuresOutOfTheTerminal(@TempDir Path dir) throws Exception {
    Path rubric = dir.resolve("r.yaml");
    Files.writeString(
        rubric,
        """
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
    assertThat(
            cli.run(
                "grade",
                "--rubric",
                rubric.toString(),
                "--out",
                dir.resolve("a").toString(),
                sample))
        .isZero();
    // The sample is an overlay: its AlexNetSolution is correct's, patched, so naming the mistake
    // shows that the command line graded the assembled submission.
    assertThat(cli.out())
        .contains("q1 visible #1")
        .contains("q1 hidden #1")
        .contains("known mistake (fc1-without-pool)");
    cli.clear();
    assertThat(
            cli.run(
                "grade",
                "--visible-only",
                "--rubric",
                rubric.toString(),
                "--out",
                dir.resolve("b").toString(),
                sample))
        .isZero();
    assertThat(cli.out()).contains("q1 visible #1").doesNotContain("q1 hidden #1").contains("0/2");
  }

  @Test
  void gradesAZipOfSourcesLikeTheDirectory(@TempDir Path dir) throws Exception {
    Path sample = Path.of("../submissions-sample/correct");
    Path zip = dir.resolve("correct.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
        Stream<Path> files = Files.walk(sample)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        out.putNextEntry(
            new ZipEntry("handin/" + sample.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    Path rubric = Path.of("../rubrics/hw4-naive-bayes.yaml");
    assertThat(
            cli.run(
                "grade",
                "--rubric",
                rubric.toString(),
                "--out",
                dir.resolve("o").toString(),
                zip.toString()))
        .as(cli.err())
        .isZero();
    assertThat(cli.out())
        .contains("HW4: Gaussian naive Bayes — correct.zip")
        .containsPattern("total\\s+12/12");
  }
}
