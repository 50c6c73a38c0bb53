package org.mlgrade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar mlgrade.jar batch} as an instructor runs it: killed with SIGKILL in the middle
 * and resumed, and split into shards and merged, each time giving the grades.csv of one
 * uninterrupted run.
 *
 * <p>The class: six students built from the correct naive-Bayes sample, graded by
 * {@code hw4-naive-bayes.yaml} (q1-fit and q2-posterior, 6 points each, proportional). Their
 * points follow from the one change each makes, not from a run of the grader:
 * <ul>
 *   <li>s1-correct, s5-zipped (the same file in a zip), s6-correct: every test passes, 6 + 6;
 *   <li>s2-posterior-throws: posterior throws, fit is right: 6 + 0;
 *   <li>s3-fit-throws: fit throws; posterior is given its model by the test, so it is
 *       right: 0 + 6;
 *   <li>s4-syntax-error: nothing compiles: 0 + 0.
 * </ul>
 */
@Tag("e2e")
class BatchKillResumeTest {

  private static final Path JAR = Path.of("target/mlgrade.jar");
  private static final Path RUBRIC = Path.of("../rubrics/hw4-naive-bayes.yaml");
  private static final Path NAIVE_BAYES =
      Path.of("../submissions-sample/correct/src/hw/NaiveBayes.java");

  /** id, q1, q2, total as grades.csv writes them. */
  private static final List<String> EXPECTED = List.of(
      "s1-correct,6,6,12", "s2-posterior-throws,6,0,6", "s3-fit-throws,0,6,6",
      "s4-syntax-error,0,0,0", "s5-zipped,6,6,12", "s6-correct,6,6,12");

  @TempDir static Path work;
  static Path root;
  static String uninterrupted;

  @BeforeAll
  static void gradeTheClassOnceWithoutInterruption() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "needs " + JAR.toAbsolutePath() + ": mvn package");
    root = Files.createDirectories(work.resolve("class"));
    String correct = Files.readString(NAIVE_BAYES);
    student("s1-correct", correct);
    student("s2-posterior-throws", replace(correct, "GaussianModel model = query.model();",
        "if (query != null) {\n      throw new IllegalStateException(\"not done yet\");\n    }\n"
            + "    GaussianModel model = query.model();"));
    student("s3-fit-throws", replace(correct, "double[][] x = data.x();",
        "if (data != null) {\n      throw new IllegalStateException(\"not done yet\");\n    }\n"
            + "    double[][] x = data.x();"));
    student("s4-syntax-error", replace(correct, "int total = x.length;", "int total = x.length"));
    try (OutputStream file = Files.newOutputStream(root.resolve("s5-zipped.zip"));
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("hw/NaiveBayes.java"));
      zip.write(Files.readAllBytes(NAIVE_BAYES));
      zip.closeEntry();
    }
    student("s6-correct", correct);
    Files.writeString(root.resolve("README.txt"), "not a student");

    Path out = work.resolve("uninterrupted");
    Run run = batch(out, "--jobs", "2");
    assertThat(run.exitCode()).as(run.log()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    uninterrupted = Files.readString(out.resolve("grades.csv"));
    List<String> lines = uninterrupted.lines().toList();
    assertThat(lines.get(0)).isEqualTo("id,name,email,q1-fit,q2-posterior,total,status");
    List<String> scores = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertThat(cells[6]).as(line).startsWith("graded");
      scores.add(cells[0] + "," + cells[3] + "," + cells[4] + "," + cells[5]);
    }
    assertThat(scores).containsExactlyElementsOf(EXPECTED);
    assertThat(out.resolve("s4-syntax-error/results.json")).exists();
  }

  @Test
  void aBatchKilledMidwayResumesWithoutRegradingAndWritesTheSameGradebook() throws Exception {
    Path out = work.resolve("killed");
    Process batch = start(out, "--jobs", "1");
    Path journal = out.resolve("journal.jsonl");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (studentsJournaled(journal) < 1 && batch.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    List<ProcessHandle> children = batch.descendants().toList();
    batch.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
    batch.waitFor();
    children.forEach(ProcessHandle::destroyForcibly);
    assertThat(batch.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

    int done = studentsJournaled(journal);
    assertThat(done).as("killed after at least one student and before the last").isBetween(1, 5);
    assertThat(out.resolve("grades.csv")).as("written only at the end").doesNotExist();

    Run resumed = batch(out, "--jobs", "1");
    assertThat(resumed.exitCode()).as(resumed.log()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    assertThat(resumed.stdout()).contains(done + " of 6 students already graded");
    assertThat(resumed.stdout().lines().filter(l -> l.startsWith("[")).count())
        .as("students graded by the resumed run").isEqualTo(6 - done);
    assertThat(Files.readString(out.resolve("grades.csv"))).isEqualTo(uninterrupted);

    Run again = batch(out, "--jobs", "1");
    assertThat(again.stdout()).contains("6 of 6 students already graded");
    assertThat(Files.readString(out.resolve("grades.csv"))).isEqualTo(uninterrupted);
  }

  @Test
  void twoShardsMergedGiveTheGradebookOfOneRun() throws Exception {
    Path one = work.resolve("shard1");
    Path two = work.resolve("shard2");
    Run first = batch(one, "--shard", "1/2", "--jobs", "1");
    Run second = batch(two, "--shard", "2/2", "--jobs", "1");
    assertThat(first.exitCode()).as(first.log()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    assertThat(second.exitCode()).as(second.log()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    long rows1 = Files.readAllLines(one.resolve("grades.csv")).size() - 1;
    long rows2 = Files.readAllLines(two.resolve("grades.csv")).size() - 1;
    assertThat(rows1 + rows2).isEqualTo(6);

    Path merged = work.resolve("merged");
    Run merge = run(List.of("merge", "--out", merged.toString(), two.toString(),
        one.toString()));
    assertThat(merge.exitCode()).as(merge.log()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    assertThat(Files.readString(merged.resolve("grades.csv"))).isEqualTo(uninterrupted);
  }

  private record Run(int exitCode, String stdout, String stderr) {
    String log() {
      return stdout + "\n--- stderr ---\n" + stderr;
    }
  }

  private static Run batch(Path out, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("batch", "--rubric", RUBRIC.toString(),
        root.toString(), "--out", out.toString()));
    args.addAll(List.of(options));
    return run(args);
  }

  private static Process start(Path out, String... options) throws IOException {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString(), "batch",
        "--rubric", RUBRIC.toString(), root.toString(), "--out", out.toString()));
    command.addAll(List.of(options));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve("killed.log").toFile()).start();
  }

  private static Run run(List<String> args) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
    command.addAll(args);
    Path stdout = Files.createTempFile(work, "out", ".txt");
    Path stderr = Files.createTempFile(work, "err", ".txt");
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("mlgrade " + args + " did not finish in 10 minutes");
    }
    return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }

  private static int studentsJournaled(Path journal) throws IOException {
    if (!Files.exists(journal)) {
      return 0;
    }
    // Complete lines only: the last one may be being written.
    String text = Files.readString(journal);
    int end = text.lastIndexOf('\n');
    return end < 0 ? 0 : (int) text.substring(0, end + 1).lines()
        .filter(l -> l.contains("\"type\":\"student\"") && l.contains("\"graded\":true")).count();
  }

  private static void student(String id, String naiveBayes) throws IOException {
    Path hw = Files.createDirectories(root.resolve(id).resolve("hw"));
    Files.writeString(hw.resolve("NaiveBayes.java"), naiveBayes);
  }

  private static String replace(String text, String what, String with) {
    assertThat(text).contains(what);
    return text.replace(what, with);
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
