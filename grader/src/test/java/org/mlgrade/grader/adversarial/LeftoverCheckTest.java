package org.mlgrade.grader.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's leftover check finds what a case leaves in the host's shared temporary directories
 * whatever the names, as the fill-disk case's {@code /tmp/fill-N} files at a level without a
 * private {@code /tmp}: the check must be able to fail.
 */
class LeftoverCheckTest {

  @Test
  void aFileOfTheChildsUidNewInTmpOrDevShmIsALeftover(@TempDir Path temp) throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/dev/shm")), "no /dev/shm here");
    try (HostileSubmissions subs = new HostileSubmissions(temp, 1)) {
      subs.snapshotShared();
      assertThat(subs.writtenOutside()).isEmpty();
      String name = "fill-probe-" + HexFormat.of().toHexDigits(
          ThreadLocalRandom.current().nextLong());
      Path inTmp = Files.writeString(Path.of("/tmp", name), "x");
      Path inShm = Files.writeString(Path.of("/dev/shm", name), "x");
      try {
        // Owned by the uid student code runs as, like a file a child wrote.
        Files.setAttribute(inTmp, "unix:uid", HostileSubmissions.childUid());
        Files.setAttribute(inShm, "unix:uid", HostileSubmissions.childUid());

        assertThat(subs.writtenOutside()).contains(inTmp, inShm);
      } finally {
        Files.deleteIfExists(inTmp);
        Files.deleteIfExists(inShm);
      }
    }
  }
}
