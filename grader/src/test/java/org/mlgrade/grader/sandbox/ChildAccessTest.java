package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The permission-bit analysis of what uid 65534 can read. Expected answers follow POSIX path
 * resolution: every directory on the way needs the search bit of the class (owner, group, other)
 * the uid falls in, and the file the read bit of that class.
 */
class ChildAccessTest {

  @TempDir Path temp;

  private static final int NOBODY = 65534;

  @Test
  void aWorldReadableFileUnderSearchableDirectoriesIsReadable() throws IOException {
    Path dir = dir("open", "rwxr-xr-x");
    Path file = file(dir.resolve("rubric.yaml"), "rw-r--r--");
    assumeTrue(searchableAbove(temp), "a directory above the JUnit temp dir denies others");

    assertThat(ChildAccess.readableBy(file, NOBODY, NOBODY)).contains(file.toRealPath());
  }

  @Test
  void aDirectoryWithoutTheSearchBitForOthersHidesEverythingBelow() throws IOException {
    Path dir = dir("closed", "rwxr-x---");
    Path file = file(dir.resolve("rubric.yaml"), "rw-r--r--");

    assertThat(ChildAccess.readableBy(file, NOBODY, NOBODY)).isEmpty();
  }

  @Test
  void traversalOnlyStillLetsAKnownNameBeRead() throws IOException {
    Path dir = dir("traverse", "rwx--x--x");
    Path file = file(dir.resolve("mlgrade.jar"), "rw-r--r--");
    assumeTrue(searchableAbove(temp), "a directory above the JUnit temp dir denies others");

    assertThat(ChildAccess.readableBy(file, NOBODY, NOBODY)).isPresent();
    assertThat(ChildAccess.readableBy(file, 1234, 1234)).isPresent();
  }

  @Test
  void theOwnerClassDecidesForTheOwnerEvenWhenOthersMayRead() throws IOException {
    assumeTrue(LaunchCommand.isRoot(), "changing a file's owner needs root");
    Path dir = dir("owned", "rwxr-xr-x");
    Path file = file(dir.resolve("f"), "---r--r--");
    Files.setAttribute(file, "unix:uid", NOBODY);
    assumeTrue(searchableAbove(temp), "a directory above the JUnit temp dir denies others");

    assertThat(ChildAccess.readableBy(file, NOBODY, NOBODY)).isEmpty();
    assertThat(ChildAccess.readableBy(file, 1234, 1234)).isPresent();
  }

  @Test
  void aMissingPathIsNotAnExposure() {
    assertThat(ChildAccess.readableBy(temp.resolve("nope"), NOBODY, NOBODY)).isEmpty();
  }

  @Test
  void anExposureSaysWhatToChange() throws IOException {
    Path dir = dir("exposed", "rwxr-xr-x");
    Path file = file(dir.resolve("rubric.yaml"), "rw-r--r--");
    assumeTrue(searchableAbove(temp), "a directory above the JUnit temp dir denies others");

    List<ChildAccess.Exposure> exposed;
    try (LandlockSwitch off = LandlockSwitch.off()) {
      exposed =
          ChildAccess.exposed(
              List.of(
                  new ChildAccess.Secret(file, "the rubric"),
                  new ChildAccess.Secret(dir("hidden", "rwx------"), "the output folder")));
    }

    assertThat(exposed)
        .singleElement()
        .hasToString(
            "the rubric "
                + file
                + " is readable by other users, the sandbox's uids among them: run `chmod o= "
                + file.toRealPath()
                + "` (or make a directory above it unsearchable to others)");
  }

  @Test
  void processOnlyIsRefusedForHiddenTestsUnlessAllowed() {
    SandboxOptions options = SandboxOptions.defaults();

    assertThat(options.refusal(IsolationLevel.PROCESS_ONLY, true))
        .get()
        .asString()
        .contains("PROCESS_ONLY", "self-check", "--allow-weak-isolation");
    assertThat(options.refusal(IsolationLevel.PROCESS_ONLY, false)).isEmpty();
    assertThat(options.withAllowWeakIsolation(true).refusal(IsolationLevel.PROCESS_ONLY, true))
        .isEmpty();
    assertThat(options.refusal(IsolationLevel.BUBBLEWRAP, true)).isEmpty();
  }

  @Test
  void theUnprivilegedLevelIsRefusedWhileASecretIsReadable() throws IOException {
    Path file = file(dir("sub", "rwxr-xr-x").resolve("Solution.java"), "rw-r--r--");
    assumeTrue(searchableAbove(temp), "a directory above the JUnit temp dir denies others");
    SandboxOptions options =
        SandboxOptions.defaults()
            .withSecrets(List.of(new ChildAccess.Secret(file, "the submission")));

    try (LandlockSwitch off = LandlockSwitch.off()) {
      assertThat(options.refusal(IsolationLevel.UNPRIVILEGED_USER, true))
          .get()
          .asString()
          .contains("the submission " + file, "chmod o= " + file.toRealPath());
      assertThat(options.refusal(IsolationLevel.UNPRIVILEGED_USER, false)).isEmpty();
    }
  }

  @Test
  void withLandlockOnlyWhatLiesBeneathTheSystemPathsIsExposed() throws IOException {
    assumeTrue(Landlock.inForce(), "Landlock is not in force here: " + Landlock.describe());
    Path file = file(dir("sub", "rwxr-xr-x").resolve("Solution.java"), "rw-r--r--");
    assumeTrue(searchableAbove(temp), "a directory above the JUnit temp dir denies others");
    assumeTrue(!Landlock.reaches(file.toRealPath()), "the temp dir lies under a system path");
    // /usr/bin/env is world-readable on every Linux and lies beneath /usr, which stays readable.
    Path system = Path.of("/usr/bin/env").toRealPath();
    SandboxOptions options =
        SandboxOptions.defaults()
            .withSecrets(
                List.of(
                    new ChildAccess.Secret(file, "the submission"),
                    new ChildAccess.Secret(system, "a copy of the grader")));

    assertThat(ChildAccess.exposed(options.secrets()))
        .singleElement()
        .satisfies(e -> assertThat(e.secret().what()).isEqualTo("a copy of the grader"));
    assertThat(options.refusal(IsolationLevel.UNPRIVILEGED_USER, true))
        .get()
        .asString()
        .doesNotContain("the submission")
        .contains("a copy of the grader");
  }

  private Path dir(String name, String permissions) throws IOException {
    Path dir = Files.createDirectory(temp.resolve(name));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  private static Path file(Path path, String permissions) throws IOException {
    Files.writeString(path, "secret");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    return path;
  }

  /** Whether every directory above {@code dir} has the search bit for others (checked by hand). */
  private static boolean searchableAbove(Path dir) throws IOException {
    for (Path p = dir.toRealPath().getParent(); p != null; p = p.getParent()) {
      if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        return false;
      }
    }
    return true;
  }
}
