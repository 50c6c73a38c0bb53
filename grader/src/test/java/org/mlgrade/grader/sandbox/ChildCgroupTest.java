package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Native memory ({@code Unsafe.allocateMemory}), which {@code -Xmx} does not bound, is capped by
 * the kernel where the grader can make a cgroup per child; skipped, with the reason, where it
 * cannot (then the RSS watchdog alone bounds it, as {@code AdversarialSuiteTest}'s {@code
 * native-memory} shows).
 */
@Tag("e2e")
class ChildCgroupTest {

  /** Allocates and touches native memory in 32 MiB blocks, for ever. */
  private static final String NATIVE_HOG =
      """
      static double nativeHog() throws Exception {
        java.lang.reflect.Field f = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
        f.setAccessible(true);
        sun.misc.Unsafe unsafe = (sun.misc.Unsafe) f.get(null);
        long total = 0;
        while (true) {
          long block = unsafe.allocateMemory(32L << 20);
          unsafe.setMemory(block, 32L << 20, (byte) 1);
          total += 32L << 20;
          if (total < 0) return total;
        }
      }
      """;

  private static SandboxFixture fixture;

  @BeforeAll
  static void setUp() {
    fixture = new SandboxFixture();
  }

  @AfterAll
  static void tearDown() {
    fixture.close();
  }

  private static void assumeWritableCgroup() {
    assumeTrue(
        ChildCgroup.inForce().startsWith("cgroup"),
        "no writable cgroup (v2 with memory+pids delegated, or v1 memory and pids) here: "
            + ChildCgroup.inForce());
  }

  @Test
  @Timeout(120)
  void theKernelKillsAProcessOverItsCgroupsMemoryAndTheCgroupIsRemoved(@TempDir Path temp)
      throws Exception {
    assumeWritableCgroup();
    Path classes =
        StudentCode.compile(
            Map.of(
                "Hog",
                "public class Hog {\n"
                    + NATIVE_HOG
                    + "public static void main(String[] a) throws Exception { nativeHog(); } }"),
            temp.resolve("hog"),
            List.of());
    Optional<ChildCgroup> cgroup = ChildCgroup.create(96L << 20);
    assertThat(cgroup).isPresent();
    List<String> command =
        new ArrayList<>(
            List.of(
                LaunchCommand.java().toString(),
                "-Xmx16m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                classes.toString(),
                "Hog"));
    // No watchdog here: only the kernel can stop it.
    Process process =
        new ProcessBuilder(cgroup.get().wrap(command)).redirectErrorStream(true).start();
    process.getInputStream().transferTo(OutputStream.nullOutputStream());
    assertThat(process.waitFor(100, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
    assertThat(cgroup.get().oomKilled()).isTrue();
    List<Path> dirs = cgroupDirs();
    cgroup.get().close();
    assertThat(dirs).isNotEmpty().noneMatch(Files::exists);
  }

  @Test
  @Timeout(300)
  void aSubmissionThatAllocatesNativeMemoryBeyondTheLimitIsScoredOutOfMemory() {
    assumeWritableCgroup();
    Path student =
        fixture.students(
            "native",
            Map.of(
                "student.Solution",
                """
        package student;
        import org.mlgrade.api.testfake.Squarer;
        public class Solution implements Squarer {
          public Out square(In in) {
            try {
              return new Out(in.note().equals("native") ? nativeHog() : in.x() * in.x());
            } catch (Exception e) {
              throw new RuntimeException(e);
            }
          }
        """
                    + NATIVE_HOG
                    + "}\n"));
    try (ProcessSandbox sandbox = fixture.sandbox(null)) {
      assertThat(sandbox.notes().memoryLimit()).startsWith("cgroup");
      SandboxRun run =
          sandbox.run(student, SandboxFixture.calls("native", ""), SandboxFixture.LIMITS);

      assertThat(run.results().get(0).status()).isEqualTo(CallStatus.OUT_OF_MEMORY);
      assertThat(run.results().get(0).message())
          .contains(
              "used more than "
                  + (MemoryWatchdog.limitFor(SandboxFixture.LIMITS.heapMegabytes()) >> 20)
                  + " MiB");
      assertThat(run.results().get(1).status()).isEqualTo(CallStatus.RETURNED);
      assertThat(run.results().get(1).outputJson()).isEqualTo(SandboxFixture.square(1));
    }
  }

  /** The cgroup directories named for this JVM's children. */
  private static List<Path> cgroupDirs() throws Exception {
    List<Path> dirs = new ArrayList<>();
    String prefix = "mlgrade-" + ProcessHandle.current().pid() + "-";
    try (Stream<Path> walk = Files.walk(Path.of("/sys/fs/cgroup"), 6)) {
      walk.filter(p -> p.getFileName() != null && p.getFileName().toString().startsWith(prefix))
          .forEach(dirs::add);
    }
    return dirs;
  }
}
