package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Landlock launcher on its own, with shell commands in place of the child JVM (the JVM cases
 * are in {@link StartupCanaryTest} and {@link IsolationLevelsTest}). Expected outcomes follow the
 * kernel's documentation of Landlock (docs.kernel.org/userspace-api/landlock.html): a path beneath
 * no rule is denied, a read-only rule does not allow writing, and with ABI 6 a signal to a process
 * outside the domain fails with EPERM.
 */
@Tag("e2e")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LandlockTest {

  @TempDir Path temp;

  @Test
  void onlyTheGivenPathsAreReachableAndReadOnlyMeansReadOnly() throws Exception {
    assumeTrue(Landlock.inForce(), "Landlock is not in force here: " + Landlock.describe());
    Path mine = Files.createDirectory(temp.resolve("mine"));
    Path readOnly = Files.createDirectory(temp.resolve("readonly"));
    Files.writeString(readOnly.resolve("in.txt"), "input");
    Path other = Files.writeString(temp.resolve("other.txt"), "secret");

    Outcome outcome =
        run(
            List.of(new Bind(mine, mine, true), new Bind(readOnly, readOnly, false)),
            "cat "
                + readOnly.resolve("in.txt")
                + " && echo ok > "
                + mine.resolve("out")
                + " && ! cat "
                + other
                + " && ! touch "
                + readOnly.resolve("new")
                + " && echo done");

    assertThat(outcome.status()).as(outcome.output()).isZero();
    assertThat(outcome.output()).contains("input", "done").doesNotContain("secret");
    assertThat(mine.resolve("out")).hasContent("ok");
    assertThat(readOnly.resolve("new")).doesNotExist();
  }

  @Test
  void aRestrictedProcessCannotSignalTheGrader() throws Exception {
    assumeTrue(
        Landlock.inForce() && Landlock.abi() >= 6,
        "Landlock with signal scoping (ABI 6) is not in force here: " + Landlock.describe());
    Process outside = new ProcessBuilder("/bin/sleep", "60").start();
    try {
      String signal = "kill -0 " + outside.pid();
      // The control: the same command unrestricted reaches the process.
      assertThat(new ProcessBuilder("/bin/sh", "-c", signal).start().waitFor()).isZero();

      Outcome outcome = run(List.of(), signal + " || echo refused");

      assertThat(outcome.output()).contains("refused");
      assertThat(outside.isAlive()).isTrue();
    } finally {
      outside.destroyForcibly();
    }
  }

  @Test
  void withSeccompNoIpSocketAndNoNamespaceCanBeMade() throws Exception {
    assumeTrue(Landlock.seccomp(), "no seccomp filter here: " + Landlock.describe());
    // UDP and TCP over IPv4 and IPv6 fail with EPERM; a Unix socket (the JVM may use one) works;
    // unshare(CLONE_NEWUSER) fails. Python, because it makes each call bare.
    String probe =
        "import ctypes, socket\n"
            + "for family, kind in [(socket.AF_INET, socket.SOCK_DGRAM),"
            + " (socket.AF_INET6, socket.SOCK_STREAM), (socket.AF_UNIX, socket.SOCK_STREAM)]:\n"
            + "    try:\n"
            + "        socket.socket(family, kind).close(); print('made', int(family))\n"
            + "    except OSError as e:\n"
            + "        print('refused', int(family), e.errno)\n"
            + "libc = ctypes.CDLL(None, use_errno=True)\n"
            + "print('unshare', libc.unshare(0x10000000), ctypes.get_errno())\n";

    Outcome outcome = run(List.of(), "/usr/bin/python3 -I -S -c \"$0\"", probe);

    assertThat(outcome.output().lines())
        .containsExactly("refused 2 1", "refused 10 1", "made 1", "unshare -1 1");
  }

  @Test
  void aCommandIsNeverRunUnrestricted() throws Exception {
    assumeTrue(Files.isExecutable(Landlock.PYTHON), "no python3 here");
    Path marker = temp.resolve("ran");
    List<String> command = new ArrayList<>(Landlock.prefix(List.of()));
    command.add(command.indexOf("--"), "--bogus");
    command.addAll(List.of("/usr/bin/touch", marker.toString()));

    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).isEqualTo(97);
    assertThat(output).contains("landlock: unknown argument --bogus");
    assertThat(marker).doesNotExist();
  }

  private record Outcome(int status, String output) {}

  private static Outcome run(List<Bind> binds, String script, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(Landlock.prefix(binds));
    command.addAll(List.of("/bin/sh", "-c", script));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Outcome(process.waitFor(), output);
  }
}
