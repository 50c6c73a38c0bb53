package org.mlgrade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch and merge commands' handling of their input; no student is graded here. */
class BatchCommandTest {

  private static final String HW4 = "../rubrics/hw4-naive-bayes.yaml";
  private static final String HW1 = "../rubrics/hw1-cnn-arithmetic.yaml";

  @TempDir Path dir;

  private final Cli cli = new Cli();

  @Test
  void aMissingClassFolderIsAUsageError() {
    assertThat(
            cli.run("batch", dir.resolve("nope").toString(), "--out", dir.resolve("o").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("not a directory");
  }

  @Test
  void anOutputFolderThatCannotBeWrittenIsAUsageErrorBeforeGrading() throws Exception {
    Path root = Files.createDirectories(dir.resolve("class"));
    Files.createDirectories(root.resolve("alice"));
    Path notAFolder = Files.writeString(dir.resolve("o"), "a file");
    assertThat(cli.run("batch", "--rubric", HW4, root.toString(), "--out", notAFolder.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err())
        .isEqualTo(
            "mlgrade batch: cannot write results: the output folder "
                + notAFolder
                + " is not a directory"
                + System.lineSeparator());
  }

  @Test
  void aMalformedShardIsAUsageError() throws Exception {
    Path root = Files.createDirectories(dir.resolve("class"));
    assertThat(
            cli.run(
                "batch", root.toString(), "--out", dir.resolve("o").toString(), "--shard", "3/2"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("I/N");
  }

  @Test
  void anEmptyClassGetsAGradebookWithTheRubricsColumnsOnly() throws Exception {
    Path root = Files.createDirectories(dir.resolve("class"));
    Files.writeString(root.resolve("README.md"), "not a student");
    Path outDir = dir.resolve("o");
    int status = cli.run("batch", "--rubric", HW4, root.toString(), "--out", outDir.toString());
    // 4 while the summary PDF cannot be written (the reporter is not merged yet), else 0.
    assertThat(status).as(cli.err()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    assertThat(Files.readString(outDir.resolve("grades.csv")))
        .isEqualTo("id,name,email,q1-fit,q2-posterior,total,status\n");
    assertThat(cli.out()).contains("0 graded, 0 not graded");
  }

  @Test
  void anOutputFolderInsideTheClassFolderIsNotAStudent() throws Exception {
    Path root = Files.createDirectories(dir.resolve("class"));
    Path outDir = root.resolve("out");
    for (int run = 0; run < 2; run++) {
      assertThat(cli.run("batch", "--rubric", HW4, root.toString(), "--out", outDir.toString()))
          .as(cli.err())
          .isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    }
    assertThat(Files.readString(outDir.resolve("grades.csv")))
        .isEqualTo("id,name,email,q1-fit,q2-posterior,total,status\n");
  }

  @Test
  void resumingWithAnotherRubricIsRefusedUnlessRegrading() throws Exception {
    Path root = Files.createDirectories(dir.resolve("class"));
    Path outDir = dir.resolve("o");
    assertThat(cli.run("batch", "--rubric", HW4, root.toString(), "--out", outDir.toString()))
        .isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);

    assertThat(cli.run("batch", "--rubric", HW1, root.toString(), "--out", outDir.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err())
        .contains("another rubric")
        .contains("hw4-naive-bayes.yaml")
        .contains("--regrade");

    assertThat(
            cli.run(
                "batch", "--rubric", HW1, root.toString(), "--out", outDir.toString(), "--regrade"))
        .isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    assertThat(Files.readString(outDir.resolve("grades.csv"))).startsWith("id,name,email,q1");
    assertThat(Files.readString(outDir.resolve("grades.csv"))).doesNotContain("q1-fit");
  }

  @Test
  void mergeWritesIntoAFolderOfItsOwnNeverIntoAShard() throws Exception {
    Path root = Files.createDirectories(dir.resolve("class"));
    Path one = dir.resolve("shard1");
    Path two = dir.resolve("shard2");
    assertThat(
            cli.run(
                "batch",
                "--rubric",
                HW4,
                root.toString(),
                "--out",
                one.toString(),
                "--shard",
                "1/2"))
        .isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    assertThat(
            cli.run(
                "batch",
                "--rubric",
                HW4,
                root.toString(),
                "--out",
                two.toString(),
                "--shard",
                "2/2"))
        .isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);

    // OUT forgotten: the first shard would be overwritten.
    assertThat(cli.run("merge", one.toString(), two.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("is the output folder of a batch");

    assertThat(cli.run("merge", dir.resolve("merged").toString(), one.toString(), two.toString()))
        .as(cli.err())
        .isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    assertThat(dir.resolve("merged/grades.csv")).exists();
    assertThat(cli.out()).contains("Merged 2 folder(s)");
  }

  @Test
  void mergeRefusesAFolderThatIsNoBatchOutput() throws Exception {
    Path notABatch = Files.createDirectories(dir.resolve("x"));
    assertThat(cli.run("merge", "--out", dir.resolve("m").toString(), notABatch.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(cli.err()).contains("holds no journal.jsonl");
  }
}
