package org.mlgrade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The batch and merge commands' handling of their input; no student is graded here. */
class BatchCommandTest {

  private static final String HW4 = "../rubrics/hw4-naive-bayes.yaml";
  private static final String HW1 = "../rubrics/hw1-cnn-arithmetic.yaml";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void aMissingClassFolderIsAUsageError() {
    assertThat(run("batch", dir.resolve("nope").toString(), "--out", dir.resolve("o").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("not a directory");
  }

  @Test
  void aMalformedShardIsAUsageError() throws Exception {
    Path root = Files.createDirectories(dir.resolve("class"));
    assertThat(run("batch", root.toString(), "--out", dir.resolve("o").toString(),
        "--shard", "3/2")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("I/N");
  }

  @Test
  void anEmptyClassGetsAGradebookWithTheRubricsColumnsOnly() throws Exception {
    Path root = Files.createDirectories(dir.resolve("class"));
    Files.writeString(root.resolve("README.md"), "not a student");
    Path outDir = dir.resolve("o");
    int status = run("batch", "--rubric", HW4, root.toString(), "--out", outDir.toString());
    // 4 while the summary PDF cannot be written (the reporter is not merged yet), else 0.
    assertThat(status).as(err.toString()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    assertThat(Files.readString(outDir.resolve("grades.csv")))
        .isEqualTo("id,name,email,q1-fit,q2-posterior,total,status\n");
    assertThat(out.toString()).contains("0 graded, 0 not graded");
  }

  @Test
  void anOutputFolderInsideTheClassFolderIsNotAStudent() throws Exception {
    Path root = Files.createDirectories(dir.resolve("class"));
    Path outDir = root.resolve("out");
    for (int run = 0; run < 2; run++) {
      assertThat(run("batch", "--rubric", HW4, root.toString(), "--out", outDir.toString()))
          .as(err.toString()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    }
    assertThat(Files.readString(outDir.resolve("grades.csv")))
        .isEqualTo("id,name,email,q1-fit,q2-posterior,total,status\n");
  }

  @Test
  void resumingWithAnotherRubricIsRefusedUnlessRegrading() throws Exception {
    Path root = Files.createDirectories(dir.resolve("class"));
    Path outDir = dir.resolve("o");
    assertThat(run("batch", "--rubric", HW4, root.toString(), "--out", outDir.toString()))
        .isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);

    assertThat(run("batch", "--rubric", HW1, root.toString(), "--out", outDir.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("another rubric").contains("hw4-naive-bayes.yaml")
        .contains("--regrade");

    assertThat(run("batch", "--rubric", HW1, root.toString(), "--out", outDir.toString(),
        "--regrade")).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    assertThat(Files.readString(outDir.resolve("grades.csv"))).startsWith("id,name,email,q1");
    assertThat(Files.readString(outDir.resolve("grades.csv"))).doesNotContain("q1-fit");
  }

  @Test
  void mergeWritesIntoAFolderOfItsOwnNeverIntoAShard() throws Exception {
    Path root = Files.createDirectories(dir.resolve("class"));
    Path one = dir.resolve("shard1");
    Path two = dir.resolve("shard2");
    assertThat(run("batch", "--rubric", HW4, root.toString(), "--out", one.toString(),
        "--shard", "1/2")).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    assertThat(run("batch", "--rubric", HW4, root.toString(), "--out", two.toString(),
        "--shard", "2/2")).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);

    // OUT forgotten: the first shard would be overwritten.
    assertThat(run("merge", one.toString(), two.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("is the output folder of a batch");

    assertThat(run("merge", dir.resolve("merged").toString(), one.toString(), two.toString()))
        .as(err.toString()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    assertThat(dir.resolve("merged/grades.csv")).exists();
    assertThat(out.toString()).contains("Merged 2 folder(s)");
  }

  @Test
  void mergeRefusesAFolderThatIsNoBatchOutput() throws Exception {
    Path notABatch = Files.createDirectories(dir.resolve("x"));
    assertThat(run("merge", "--out", dir.resolve("m").toString(), notABatch.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("holds no journal.jsonl");
  }
}
