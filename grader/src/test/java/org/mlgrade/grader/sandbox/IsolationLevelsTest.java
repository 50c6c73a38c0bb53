package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.mlgrade.grader.sandbox.SandboxFixture.LIMITS;
import static org.mlgrade.grader.sandbox.SandboxFixture.calls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mlgrade.reference.Problem;

/**
 * What student code can reach at each isolation level: the host's files, the grader's and the
 * reference's classes, the network. Levels that do not work here are skipped.
 */
@Tag("e2e")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class IsolationLevelsTest {

  private static SandboxFixture fixture;
  private static ServerSocket listener;
  private static Path graderClass;
  private static Path referenceClass;

  @BeforeAll
  static void prepare() throws IOException, URISyntaxException {
    fixture = new SandboxFixture();
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    graderClass = classFile(ProcessSandbox.class);
    referenceClass = classFile(Problem.class);
  }

  @AfterAll
  static void cleanUp() throws IOException {
    listener.close();
    fixture.close();
  }

  @Test
  void bubblewrapHidesTheHostsFilesTheGraderTheReferenceAndTheNetwork() {
    assumeThat(IsolationProbe.works(IsolationLevel.BUBBLEWRAP))
        .as("bubblewrap works here: " + IsolationProbe.verdict(IsolationLevel.BUBBLEWRAP))
        .isTrue();
    assertThat(graderClass).isRegularFile();
    assertThat(referenceClass).isRegularFile();

    SandboxRun run =
        runAt(
            IsolationLevel.BUBBLEWRAP,
            "read:/root",
            "read:/etc/hostname",
            "read:" + graderClass,
            "read:" + referenceClass,
            "class:org.mlgrade.reference.Problem",
            "class:org.mlgrade.grader.sandbox.ProcessSandbox",
            "connect:" + listener.getLocalPort(),
            "");

    assertThat(run.isolation()).isEqualTo(IsolationLevel.BUBBLEWRAP);
    assertThat(run.results())
        .extracting(CallResult::outputJson)
        .containsExactly(
            "{\"y\":0.0}",
            "{\"y\":0.0}",
            "{\"y\":0.0}",
            "{\"y\":0.0}",
            "{\"y\":0.0}",
            "{\"y\":0.0}",
            "{\"y\":0.0}",
            SandboxFixture.square(7));
  }

  @Test
  void anUnprivilegedUserCannotReadRootsFilesNorLoadTheReference() {
    assumeThat(IsolationProbe.works(IsolationLevel.UNPRIVILEGED_USER))
        .as("setpriv works here: " + IsolationProbe.verdict(IsolationLevel.UNPRIVILEGED_USER))
        .isTrue();

    SandboxRun run =
        runAt(
            IsolationLevel.UNPRIVILEGED_USER,
            "read:/root",
            "class:org.mlgrade.reference.Problem",
            "");

    assertThat(run.isolation()).isEqualTo(IsolationLevel.UNPRIVILEGED_USER);
    assertThat(run.results())
        .extracting(CallResult::outputJson)
        .containsExactly("{\"y\":0.0}", "{\"y\":0.0}", SandboxFixture.square(2));
  }

  /**
   * The control: without OS isolation the same probes do reach the host, so the tests above can
   * fail.
   */
  @Test
  void aPlainProcessReachesTheHostButStillNotTheReferenceByName() {
    SandboxRun run;
    try (LandlockSwitch off = LandlockSwitch.off()) {
      run =
          runAt(
              IsolationLevel.PROCESS_ONLY,
              "read:" + graderClass,
              "connect:" + listener.getLocalPort(),
              "class:org.mlgrade.reference.Problem",
              "");
    }

    assertThat(run.isolation()).isEqualTo(IsolationLevel.PROCESS_ONLY);
    assertThat(run.results())
        .extracting(CallResult::outputJson)
        .containsExactly("{\"y\":1.0}", "{\"y\":1.0}", "{\"y\":0.0}", SandboxFixture.square(3));
  }

  /** The same probes as the control above, with Landlock (ABI 4+: TCP rules) in force. */
  @Test
  void withLandlockEvenAPlainProcessReachesNeitherTheHostsFilesNorItsNetwork() {
    assumeThat(Landlock.abi()).as("Landlock ABI: " + Landlock.describe()).isGreaterThanOrEqualTo(4);

    SandboxRun run =
        runAt(
            IsolationLevel.PROCESS_ONLY,
            "read:" + graderClass,
            "connect:" + listener.getLocalPort(),
            "class:org.mlgrade.reference.Problem",
            "");

    assertThat(run.isolation()).isEqualTo(IsolationLevel.PROCESS_ONLY);
    assertThat(run.results())
        .extracting(CallResult::outputJson)
        .containsExactly("{\"y\":0.0}", "{\"y\":0.0}", "{\"y\":0.0}", SandboxFixture.square(3));
  }

  @Test
  void theStrongestLevelIsNeverWeakerThanAWorkingOne() {
    IsolationLevel strongest = IsolationProbe.strongestAvailable();

    assertThat(IsolationProbe.works(strongest)).isTrue();
    for (IsolationLevel level : IsolationLevel.values()) {
      if (level.ordinal() < strongest.ordinal()) {
        assertThat(IsolationProbe.works(level)).as(level.name()).isFalse();
      }
    }
    assertThat(IsolationProbe.works(IsolationLevel.PROCESS_ONLY)).isTrue();
  }

  private static SandboxRun runAt(IsolationLevel level, String... notes) {
    try (ProcessSandbox sandbox = fixture.sandbox(level)) {
      return sandbox.run(fixture.solution, calls(notes), LIMITS);
    }
  }

  private static Path classFile(Class<?> type) throws URISyntaxException {
    Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path file = location.resolve(type.getName().replace('.', '/') + ".class");
    return Files.isRegularFile(file) ? file : location;
  }
}
