package org.mlgrade.grader.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's leftover check finds what a case leaves in the host's shared temporary directories
 * whatever the names, as the fill-disk case's {@code /tmp/fill-N} files at a level without a
 * private {@code /tmp}: the check must be able to fail. It lets through only what a crashed child
 * JVM writes there itself, its {@code hs_err_pid<pid>.log}.
 */
class LeftoverCheckTest {

  @Test
  void aFileOfTheChildsUidNewInTmpOrDevShmIsALeftover(@TempDir Path temp) throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/dev/shm")), "no /dev/shm here");
    try (HostileSubmissions subs = new HostileSubmissions(temp, 1)) {
      subs.snapshotShared();
      assertThat(subs.writtenOutside()).isEmpty();
      String name =
          "fill-probe-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
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

  @Test
  void aChildJvmsCrashLogIsNotALeftoverButAFileNamedLikeOneIs(@TempDir Path temp) throws Exception {
    try (HostileSubmissions subs = new HostileSubmissions(temp, 1)) {
      subs.snapshotShared();
      long pid = 4_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
      Path crash = Path.of("/tmp", "hs_err_pid" + pid + ".log");
      Path noMemory = Path.of("/tmp", "hs_err_pid" + (pid + 1) + ".log");
      Path lookalike = Path.of("/tmp", "hs_err_pid" + (pid + 2) + ".log");
      // How HotSpot's logs begin (src/hotspot/share/utilities/vmError.cpp, VMError::report)
      Files.writeString(
          crash,
          "#\n# A fatal error has been detected by the Java Runtime "
              + "Environment:\n#\n#  SIGSEGV (0xb) at pc=0x00007f0000000000, pid="
              + pid
              + "\n");
      Files.writeString(
          noMemory,
          "#\n# There is insufficient memory for the Java Runtime "
              + "Environment to continue.\n# Native memory allocation (mmap) failed to map 12288 "
              + "bytes for committing reserved memory.\n");
      Files.writeString(lookalike, "not a crash log: a case's own file");
      try {
        for (Path file : List.of(crash, noMemory, lookalike)) {
          Files.setAttribute(file, "unix:uid", HostileSubmissions.childUid());
        }

        assertThat(subs.writtenOutside()).contains(lookalike).doesNotContain(crash, noMemory);
      } finally {
        for (Path file : List.of(crash, noMemory, lookalike)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
