package org.mlgrade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.IsolationProbe;
import org.mlgrade.grader.sandbox.LandlockSwitch;

/**
 * {@code mlgrade batch} below bubblewrap with a rubric that has hidden tests ({@code
 * hw4-naive-bayes.yaml}): it refuses before grading anyone while a child could read the other
 * students' submissions (or runs as the grader's user), and grades with {@code
 * --allow-weak-isolation}, saying so on each student's row. Probes and child JVMs: end to end.
 */
@Tag("e2e")
class BatchIsolationTest {

  private static final String HW4 = "../rubrics/hw4-naive-bayes.yaml";
  private static final Path NAIVE_BAYES =
      Path.of("../submissions-sample/correct/src/hw/NaiveBayes.java");

  @TempDir Path dir;
  private Path root;
  private Path out;
  private final Cli cli = new Cli();

  @BeforeEach
  void oneStudent() throws Exception {
    root = dir.resolve("class");
    Path hw = Files.createDirectories(root.resolve("alice/hw"));
    Files.copy(NAIVE_BAYES, hw.resolve("NaiveBayes.java"));
    out = dir.resolve("out");
  }

  @Test
  void processOnlyRefusesHiddenTestsBeforeAnyStudent() {
    assertThat(
            cli.run(
                "batch",
                "--isolation",
                "PROCESS_ONLY",
                "--rubric",
                HW4,
                root.toString(),
                "--out",
                out.toString()))
        .isEqualTo(ExitCodes.CANNOT_GRADE_HERE);

    assertThat(cli.err().lines()).hasSize(1);
    assertThat(cli.err())
        .startsWith(
            "mlgrade batch: refusing to grade hidden tests at " + "isolation level PROCESS_ONLY")
        .contains("--allow-weak-isolation");
    assertThat(out.resolve("alice")).doesNotExist();
    assertThat(out.resolve("grades.csv")).doesNotExist();
  }

  @Test
  void unprivilegedUserRefusesWhileOthersCanReadTheClassFolder() throws Exception {
    assumeTrue(
        IsolationProbe.works(IsolationLevel.UNPRIVILEGED_USER),
        "UNPRIVILEGED_USER does not work here: "
            + IsolationProbe.verdict(IsolationLevel.UNPRIVILEGED_USER).detail());
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));

    // Without Landlock (a kernel before 5.13, or no python3), permission bits are the guard.
    try (LandlockSwitch off = LandlockSwitch.off()) {
      assertThat(
              cli.run(
                  "batch",
                  "--isolation",
                  "UNPRIVILEGED_USER",
                  "--rubric",
                  HW4,
                  root.toString(),
                  "--out",
                  out.toString()))
          .isEqualTo(ExitCodes.CANNOT_GRADE_HERE);
    }

    assertThat(cli.err().lines()).hasSize(1);
    assertThat(cli.err())
        .contains("refusing to grade hidden tests at isolation level " + "UNPRIVILEGED_USER")
        .contains("the class folder (the other students' submissions) " + root)
        .contains("chmod o= " + root.toRealPath());
    assertThat(out.resolve("alice")).doesNotExist();
  }

  @Test
  void withLandlockTheReadableClassFolderIsOutOfReachAndTheBatchGrades() throws Exception {
    assumeTrue(
        IsolationProbe.works(IsolationLevel.UNPRIVILEGED_USER),
        "UNPRIVILEGED_USER does not work here: "
            + IsolationProbe.verdict(IsolationLevel.UNPRIVILEGED_USER).detail());
    assumeTrue(LandlockSwitch.offered(), "the kernel or host offers no Landlock here");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));

    int status =
        cli.run(
            "batch",
            "--isolation",
            "UNPRIVILEGED_USER",
            "--jobs",
            "1",
            "--rubric",
            HW4,
            root.toString(),
            "--out",
            out.toString());

    assertThat(status).as(cli.err()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readAllLines(out.resolve("grades.csv")))
        .element(1)
        .asString()
        .startsWith("alice,,,6,6,12,graded");
    JsonNode results = new ObjectMapper().readTree(out.resolve("alice/results.json").toFile());
    assertThat(results.at("/extra_data/isolation_notes/weak_isolation_allowed").asBoolean())
        .isFalse();
    assertThat(results.at("/extra_data/isolation_notes/canary").toString())
        .contains(
            "read the class folder (the other students' submissions) " + root + "\":\"denied");
  }

  @Test
  void allowWeakIsolationGradesAndEachRowSaysSo() throws Exception {
    int status =
        cli.run(
            "batch",
            "--isolation",
            "PROCESS_ONLY",
            "--allow-weak-isolation",
            "--jobs",
            "1",
            "--rubric",
            HW4,
            root.toString(),
            "--out",
            out.toString());

    assertThat(status).as(cli.err()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
    assertThat(Files.readAllLines(out.resolve("grades.csv")))
        .element(1)
        .asString()
        .startsWith(
            "alice,,,6,6,12,graded at weak isolation PROCESS_ONLY " + "(--allow-weak-isolation)");
    JsonNode results = new ObjectMapper().readTree(out.resolve("alice/results.json").toFile());
    assertThat(results.at("/extra_data/isolation_notes/weak_isolation_allowed").asBoolean())
        .isTrue();
    // The class folder is one of the secrets the canary tried (and, at PROCESS_ONLY, read).
    assertThat(results.at("/extra_data/isolation_notes/canary").toString())
        .contains("read the class folder (the other students' submissions) " + root);
    assertThat(cli.err()).contains("PROCESS_ONLY");
  }
}
