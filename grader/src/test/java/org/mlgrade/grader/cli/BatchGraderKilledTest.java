package org.mlgrade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.sandbox.LandlockSwitch;

/**
 * A submission that kills the grader: at {@code PROCESS_ONLY} (allowed with {@code
 * --allow-weak-isolation}) student code runs as the grader's user, and this one kills its parent
 * process, the batch itself ({@code java -jar mlgrade.jar batch}, so that the test's JVM survives).
 * The class: a-correct and c-correct (the correct naive-Bayes sample, 12 of 12 with {@code
 * hw4-naive-bayes.yaml}) and b-killer between them.
 */
@Tag("e2e")
class BatchGraderKilledTest {

  private static final Path JAR = Path.of("target/mlgrade.jar");
  private static final Path NAIVE_BAYES =
      Path.of("../submissions-sample/correct/src/hw/NaiveBayes.java");
  private static final int SIGKILLED = 128 + 9;

  @TempDir Path work;

  private record Run(int exitCode, String log) {}

  private Run batch(Path root, Path out, boolean landlock) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmlgrade.landlock=" + (landlock ? "on" : "off"),
                "-jar",
                JAR.toString(),
                "batch",
                "--rubric",
                "../rubrics/hw4-naive-bayes.yaml",
                "--isolation",
                "PROCESS_ONLY",
                "--allow-weak-isolation",
                "--jobs",
                "1",
                root.toString(),
                "--out",
                out.toString()));
    Path log = Files.createTempFile(work, "batch", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the batch did not finish in 10 minutes");
    }
    return new Run(process.exitValue(), Files.readString(log));
  }

  private static void student(Path root, String id, String naiveBayes) throws Exception {
    Path hw = Files.createDirectories(root.resolve(id).resolve("hw"));
    Files.writeString(hw.resolve("NaiveBayes.java"), naiveBayes);
  }

  @Test
  void aStudentWhoKillsTheGraderTwiceIsNotGradedAndTheBatchFinishes() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "needs " + JAR.toAbsolutePath() + ": mvn package");
    // Without Landlock's signal scoping (kernel ABI 6, Linux 6.12) the killer reaches the batch.
    Path root = theClass();
    Path out = work.resolve("out");

    Run first = batch(root, out, false);
    assertThat(first.exitCode()).as(first.log()).isEqualTo(SIGKILLED);
    assertThat(out.resolve("grades.csv")).as("written only at the end").doesNotExist();

    // b-killer is graded first, alone, and kills the batch again: now it is the culprit.
    Run second = batch(root, out, false);
    assertThat(second.exitCode()).as(second.log()).isEqualTo(SIGKILLED);

    Run third = batch(root, out, false);
    assertThat(third.exitCode()).as(third.log()).isEqualTo(ExitCodes.INCOMPLETE);
    List<String> rows = Files.readAllLines(out.resolve("grades.csv"));
    assertThat(rows).hasSize(4);
    assertThat(rows.get(1)).startsWith("a-correct,,,6,6,12,graded");
    // Quoted: the reason has a comma.
    assertThat(rows.get(2))
        .startsWith(
            "b-killer,,,,,,\"not graded: the grader's process died "
                + "2 times while grading this student");
    assertThat(rows.get(3)).startsWith("c-correct,,,6,6,12,graded");
    assertThat(third.log()).contains("b-killer not graded");
  }

  @Test
  void withLandlockSignalScopingTheKillerCannotReachTheGrader() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "needs " + JAR.toAbsolutePath() + ": mvn package");
    assumeTrue(LandlockSwitch.abi() >= 6, "no Landlock signal scoping (ABI 6) here");
    Path root = theClass();
    Path out = work.resolve("out");

    Run run = batch(root, out, true);

    // The kill fails (EPERM, which destroyForcibly reports as false) and the code goes on to
    // compute its answers: every student is graded in one run.
    assertThat(run.exitCode()).as(run.log()).isEqualTo(ExitCodes.OK);
    List<String> rows = Files.readAllLines(out.resolve("grades.csv"));
    assertThat(rows).hasSize(4);
    assertThat(rows.subList(1, 4)).allSatisfy(row -> assertThat(row).contains(",6,6,12,graded"));
  }

  /** a-correct, b-killer (the correct sample that first kills its parent) and c-correct. */
  private Path theClass() throws Exception {
    Path root = work.resolve("class");
    String correct = Files.readString(NAIVE_BAYES);
    String fit = "double[][] x = data.x();";
    assertThat(correct).contains(fit);
    student(root, "a-correct", correct);
    student(
        root,
        "b-killer",
        correct.replace(
            fit,
            "ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);\n    "
                + fit));
    student(root, "c-correct", correct);
    return root;
  }
}
