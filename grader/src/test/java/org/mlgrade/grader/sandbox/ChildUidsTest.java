package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sandbox uids are shared by every grader on the machine: a uid whose lock file another process
 * holds is not handed out. The other process is a {@code python3} holding a POSIX record lock
 * ({@code fcntl.lockf}), the kind Java's {@code FileChannel.tryLock} takes on Linux.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChildUidsTest {

  @Test
  void aUidLockedByAnotherProcessIsNotHandedOut() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no python3 to hold a lock");
    Path lock = ChildUids.lockFolder().resolve("uid-" + ChildUids.FIRST + ".lock");
    Process holder = new ProcessBuilder("/usr/bin/python3", "-c",
        "import fcntl, sys, time\n"
            + "f = open(sys.argv[1], 'a')\n"
            + "fcntl.lockf(f, fcntl.LOCK_EX)\n"
            + "print('held', flush=True)\n"
            + "time.sleep(60)\n", lock.toString()).redirectErrorStream(true).start();
    try {
      String line = new BufferedReader(new InputStreamReader(holder.getInputStream(),
          StandardCharsets.UTF_8)).readLine();
      assertThat(line).isEqualTo("held");

      int uid = ChildUids.acquire();
      try {
        assertThat(uid).isNotEqualTo(ChildUids.FIRST)
            .isBetween(ChildUids.FIRST - ChildUids.SLOTS + 1, ChildUids.FIRST - 1);
      } finally {
        ChildUids.release(uid);
      }
    } finally {
      holder.destroyForcibly().waitFor();
    }
  }

  @Test
  void theLockFolderIsWritableByTheGradersUserAlone() throws Exception {
    Path folder = ChildUids.lockFolder();

    assertThat(Files.isSymbolicLink(folder)).isFalse();
    assertThat(Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS))
        .doesNotContain(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    assertThat(Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS))
        .isEqualTo(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
  }
}
