package org.mlgrade.grader.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.Grader;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.IsolationProbe;
import org.mlgrade.grader.sandbox.IsolationRefusedException;
import org.mlgrade.grader.sandbox.LandlockSwitch;
import org.mlgrade.grader.sandbox.SandboxOptions;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemRegistry;

/**
 * Below bubblewrap the grader, not the operator, keeps the reference and the hidden tests from the
 * child: the {@code reference-from-parent} case (which finds the grader's class path in {@code
 * /proc/<parent>/cmdline} and calls the reference through a {@code URLClassLoader}) gets the points
 * only where the operator explicitly allowed a weak level; otherwise grading is refused, or
 * (grader, rubric and submission private) the attack finds nothing it can open.
 */
@Tag("e2e")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WeakIsolationTest {

  @TempDir Path temp;
  private Rubric rubric;

  @BeforeEach
  void load() throws Exception {
    rubric = new RubricLoader(ProblemRegistry.standard()).load(HostileSubmissions.rubric());
  }

  @Test
  void theUnprivilegedLevelRefusesHiddenTestsWhileTheGradersCodeIsReadable() throws Exception {
    assumeTrue(
        IsolationProbe.works(IsolationLevel.UNPRIVILEGED_USER),
        "UNPRIVILEGED_USER does not work here (needs root, setpriv and prlimit)");
    Path reference =
        Path.of(Problem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assumeTrue(
        othersCanReach(reference),
        "the reference classes " + reference + " are already hidden from others on this machine");

    try (LandlockSwitch off = LandlockSwitch.off();
        HostileSubmissions subs = new HostileSubmissions(dir("subs"), 1);
        Grader grader =
            Grader.open(
                rubric,
                SandboxOptions.defaults().withIsolation(IsolationLevel.UNPRIVILEGED_USER))) {
      Path submission = subs.build("reference-from-parent");
      assertThatThrownBy(() -> grader.grade(submission))
          .isInstanceOf(IsolationRefusedException.class)
          .hasMessageContaining("UNPRIVILEGED_USER")
          .hasMessageContaining("chmod o= " + reference.toRealPath())
          .hasMessageContaining("--allow-weak-isolation");
    }
  }

  @Test
  void allowedExplicitlyTheWeakLevelGradesSaysSoAndTheAttackWorks() throws Exception {
    assumeTrue(
        IsolationProbe.works(IsolationLevel.UNPRIVILEGED_USER),
        "UNPRIVILEGED_USER does not work here (needs root, setpriv and prlimit)");
    Path reference =
        Path.of(Problem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assumeTrue(othersCanReach(reference), "the reference classes are hidden here");

    try (LandlockSwitch off = LandlockSwitch.off();
        HostileSubmissions subs = new HostileSubmissions(dir("subs"), 1);
        Grader grader =
            Grader.open(
                rubric,
                SandboxOptions.defaults()
                    .withIsolation(IsolationLevel.UNPRIVILEGED_USER)
                    .withAllowWeakIsolation(true))) {
      Result result = grader.grade(subs.build("reference-from-parent"));

      assertThat(result.isolation().weakIsolationAllowed()).isTrue();
      String realReference = reference.toRealPath().toString();
      assertThat(result.isolation().weaknesses()).anyMatch(w -> w.contains(realReference));
      // The control that makes the other tests meaningful: the case is a working attack.
      assertThat(shapes(result)).containsOnly(Outcome.PASSED);
      assertThat(stdout(result)).contains("LEAK called the reference");
    }
  }

  @Test
  void withLandlockTheReadableGraderIsOutOfReachAndNothingIsRefused() throws Exception {
    assumeTrue(
        IsolationProbe.works(IsolationLevel.UNPRIVILEGED_USER),
        "UNPRIVILEGED_USER does not work here (needs root, setpriv and prlimit)");
    assumeTrue(LandlockSwitch.offered(), "the kernel or host offers no Landlock here");
    Path reference =
        Path.of(Problem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assumeTrue(othersCanReach(reference), "the reference classes are hidden here");

    try (HostileSubmissions subs = new HostileSubmissions(dir("subs"), 1);
        Grader grader =
            Grader.open(
                rubric,
                SandboxOptions.defaults().withIsolation(IsolationLevel.UNPRIVILEGED_USER))) {
      Result result = grader.grade(subs.build("reference-from-parent"));

      // The same files as in the two tests above, as readable as there: Landlock, not the
      // permission bits, keeps them from the child, so there is nothing to refuse or allow.
      assertThat(result.isolation().weaknesses()).isEmpty();
      assertThat(result.isolation().weakIsolationAllowed()).isFalse();
      assertThat(result.isolation().canary().get("Landlock")).startsWith("in force");
      // What the case solves itself (half the tests, as with private files), and no leak.
      assertThat(result.score()).isEqualTo(2.0);
      assertThat(stdout(result)).doesNotContain("LEAK");
    }
  }

  @Test
  void processOnlyIsForSelfChecksOnly() throws Exception {
    try (HostileSubmissions subs = new HostileSubmissions(dir("subs"), 1);
        Grader refusing =
            Grader.open(
                rubric, SandboxOptions.defaults().withIsolation(IsolationLevel.PROCESS_ONLY));
        Grader allowed =
            Grader.open(
                rubric,
                SandboxOptions.defaults()
                    .withIsolation(IsolationLevel.PROCESS_ONLY)
                    .withAllowWeakIsolation(true))) {
      Path control = subs.build("control");
      assertThatThrownBy(() -> refusing.grade(control))
          .isInstanceOf(IsolationRefusedException.class)
          .hasMessageContaining("self-check");
      Result result = allowed.grade(control);
      assertThat(result.score()).isEqualTo(4.0);
      assertThat(result.isolation().weakIsolationAllowed()).isTrue();
    }
  }

  @Test
  void withTheGraderRubricAndSubmissionPrivateTheAttackFindsNothingToOpen() throws Exception {
    assumeTrue(
        IsolationProbe.works(IsolationLevel.UNPRIVILEGED_USER),
        "UNPRIVILEGED_USER does not work here (needs root, setpriv and prlimit)");
    Path jar = Path.of("target", "mlgrade.jar").toAbsolutePath();
    assumeTrue(Files.isRegularFile(jar), "the shaded jar is built by mvn package: " + jar);
    assertThat(temp.toRealPath().toFile().canRead()).isTrue();
    assertThat(Files.getPosixFilePermissions(temp))
        .doesNotContain(PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_READ);
    Path privateJar =
        Files.copy(jar, temp.resolve("mlgrade.jar"), StandardCopyOption.REPLACE_EXISTING);
    Path privateRubric = Files.copy(HostileSubmissions.rubric(), temp.resolve("rubric.yaml"));
    try (HostileSubmissions subs = new HostileSubmissions(dir("subs"), 1)) {
      Path submission = subs.build("reference-from-parent");
      Path out = temp.resolve("out");
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  // Permission bits alone (as on a kernel without Landlock) are what this tests.
                  "-Dmlgrade.landlock=off",
                  "-jar",
                  privateJar.toString(),
                  "grade",
                  submission.toString(),
                  "--rubric",
                  privateRubric.toString(),
                  "--out",
                  out.toString(),
                  "--isolation",
                  "UNPRIVILEGED_USER"));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

      assertThat(process.exitValue()).as(output).isZero();
      String results = Files.readString(out.resolve("results.json"));
      assertThat(results)
          .contains("\"score\" : 2.0", "UNPRIVILEGED_USER")
          .contains("denied " + privateJar.toRealPath())
          .doesNotContain("LEAK");
      // The start-up canary's outcome travels in extra_data: the jar was hidden from it too.
      assertThat(results)
          .contains(
              "\"canary\"",
              "\"weak_isolation_allowed\" : false",
              "(with the reference solutions) " + privateJar + "\" : \"denied");
    }
  }

  private Path dir(String name) throws IOException {
    return Files.createDirectories(temp.resolve(name));
  }

  /** Whether others may search every directory above {@code path} and read it (by hand). */
  private static boolean othersCanReach(Path path) throws IOException {
    Path real = path.toRealPath();
    if (!Files.getPosixFilePermissions(real).contains(PosixFilePermission.OTHERS_READ)) {
      return false;
    }
    for (Path p = real.getParent(); p != null; p = p.getParent()) {
      if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        return false;
      }
    }
    return true;
  }

  private static List<Outcome> shapes(Result result) {
    return result.questions().get(0).tests().stream().map(TestResult::outcome).toList();
  }

  private static String stdout(Result result) {
    return result.questions().stream()
        .flatMap(q -> q.tests().stream())
        .map(TestResult::stdout)
        .reduce("", String::concat);
  }
}
