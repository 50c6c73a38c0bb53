package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up canary at each level that works here, against one secret every user may read (0644
 * under 0755 directories) and one in a 0700 directory. Expected outcomes follow from what each
 * level is: bubblewrap shows the child none of the host's files and no network; uid 65534 reads
 * what others may read, not root's environment, and has the network; the grader's own user (root
 * here) reaches everything, which that level does not promise otherwise.
 */
@Tag("e2e")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StartupCanaryTest {

  @TempDir static Path temp;
  private static Path harness;
  private static ChildAccess.Secret open;
  private static ChildAccess.Secret hidden;

  @BeforeAll
  static void prepare() throws IOException {
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    harness = ChildClasspath.materialize(temp.resolve("classpath")).harness();
    RunDirectory.openForReading(temp.resolve("classpath"));
    Path openDir = Files.createDirectory(temp.resolve("open"));
    Files.setPosixFilePermissions(openDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    open =
        new ChildAccess.Secret(
            Files.writeString(openDir.resolve("rubric.yaml"), "x"), "the rubric");
    Files.setPosixFilePermissions(open.path(), PosixFilePermissions.fromString("rw-r--r--"));
    Path closed = Files.createDirectory(temp.resolve("closed"));
    Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
    hidden =
        new ChildAccess.Secret(
            Files.writeString(closed.resolve("mlgrade.jar"), "x"), "the grader's code");
  }

  @Test
  void underBubblewrapEveryAttemptIsDenied() {
    assumeTrue(
        IsolationProbe.works(IsolationLevel.BUBBLEWRAP),
        "bubblewrap does not work here: " + IsolationProbe.verdict(IsolationLevel.BUBBLEWRAP));

    StartupCanary.Outcome outcome =
        StartupCanary.run(IsolationLevel.BUBBLEWRAP, harness, List.of(open, hidden));

    assertThat(outcome.attempts())
        .hasSize(4)
        .allSatisfy((what, result) -> assertThat(result).as(what).startsWith("denied"));
    assertThat(outcome.broken()).isEmpty();
  }

  @Test
  void asUid65534OnlyWhatOthersMayReadIsReadAndTheNetworkIsThere() {
    assumeTrue(
        IsolationProbe.works(IsolationLevel.UNPRIVILEGED_USER),
        "UNPRIVILEGED_USER does not work here (needs root, setpriv and prlimit)");
    assumeTrue(othersCanSearchAbove(temp), "a directory above the temp dir denies others");

    StartupCanary.Outcome outcome;
    try (LandlockSwitch off = LandlockSwitch.off()) {
      outcome = StartupCanary.run(IsolationLevel.UNPRIVILEGED_USER, harness, List.of(open, hidden));
    }

    assertThat(outcome.attempts())
        .containsEntry("read the rubric " + open.path(), "SUCCEEDED")
        .containsEntry("connect to the grader host's loopback", "SUCCEEDED");
    assertThat(outcome.attempts().get("read the grader's code " + hidden.path()))
        .startsWith("denied");
    assertThat(outcome.attempts().entrySet())
        .filteredOn(e -> e.getKey().contains("environment"))
        .singleElement()
        .satisfies(e -> assertThat(e.getValue()).startsWith("denied"));
    assertThat(outcome.broken())
        .containsExactly(
            "the canary could read the rubric " + open.path() + " at UNPRIVILEGED_USER");
  }

  @Test
  void theGradersOwnUserReachesEverythingAndThatLevelPromisesNothing() {
    assumeTrue(LaunchCommand.isRoot(), "as root, the grader's own user can read a 0700 folder");

    StartupCanary.Outcome outcome;
    try (LandlockSwitch off = LandlockSwitch.off()) {
      outcome = StartupCanary.run(IsolationLevel.PROCESS_ONLY, harness, List.of(open, hidden));
    }

    assertThat(outcome.attempts())
        .containsEntry("Landlock", "turned off with " + "-Dmlgrade.landlock=off");
    assertThat(attempts(outcome))
        .hasSize(4)
        .allSatisfy((what, result) -> assertThat(result).as(what).isEqualTo("SUCCEEDED"));
    assertThat(outcome.broken()).isEmpty();
  }

  // Landlock (Linux 5.13+, kernel ABI 4+ for TCP): the child reads only the JDK, the system's
  // libraries and its own binds, whatever the permission bits say and whoever it runs as, and
  // cannot connect a TCP socket. The same attempts as above are therefore all denied.

  @Test
  void withLandlockUid65534ReadsNothingOfTheHostAndHasNoTcp() {
    assumeTrue(
        IsolationProbe.works(IsolationLevel.UNPRIVILEGED_USER),
        "UNPRIVILEGED_USER does not work here (needs root, setpriv and prlimit)");
    assumeTrue(
        Landlock.abi() >= 4,
        "Landlock with TCP rules (ABI 4) is not offered here: " + Landlock.describe());

    StartupCanary.Outcome outcome =
        StartupCanary.run(IsolationLevel.UNPRIVILEGED_USER, harness, List.of(open, hidden));

    assertThat(outcome.attempts().get("Landlock")).startsWith("in force");
    assertThat(attempts(outcome))
        .hasSize(4)
        .allSatisfy((what, result) -> assertThat(result).as(what).startsWith("denied"));
    assertThat(outcome.broken()).isEmpty();
  }

  @Test
  void withLandlockEvenTheGradersOwnUserReadsNothingOfTheHost() {
    assumeTrue(LaunchCommand.isRoot(), "as root, the grader's own user can read a 0700 folder");
    assumeTrue(
        Landlock.abi() >= 4,
        "Landlock with TCP rules (ABI 4) is not offered here: " + Landlock.describe());

    StartupCanary.Outcome outcome =
        StartupCanary.run(IsolationLevel.PROCESS_ONLY, harness, List.of(open, hidden));

    assertThat(attempts(outcome))
        .hasSize(4)
        .allSatisfy((what, result) -> assertThat(result).as(what).startsWith("denied"));
  }

  /** The canary's attempts without the line that says whether Landlock was in force. */
  private static Map<String, String> attempts(StartupCanary.Outcome outcome) {
    Map<String, String> attempts = new LinkedHashMap<>(outcome.attempts());
    attempts.remove("Landlock");
    return attempts;
  }

  private static boolean othersCanSearchAbove(Path dir) {
    for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      try {
        if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
