package org.mlgrade.grader.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's leftover check finds what a case leaves in the shared temporary directories whatever
 * the names (here in stand-ins for them, so that a build running beside this one does not see the
 * planted files), as the fill-disk case's {@code /tmp/fill-N} files at a level without a private
 * {@code /tmp}: the check must be able to fail. It lets through only what a crashed child JVM
 * writes there itself, its {@code hs_err_pid<pid>.log}.
 */
class LeftoverCheckTest {

  @Test
  void aFileOfTheChildsUidNewInTmpOrDevShmIsALeftover(@TempDir Path temp) throws Exception {
    Path tmp = Files.createDirectory(temp.resolve("tmp"));
    Path shm = Files.createDirectory(temp.resolve("shm"));
    try (HostileSubmissions subs = new HostileSubmissions(temp, 1, List.of(tmp, shm))) {
      subs.snapshotShared();
      assertThat(subs.writtenOutside()).isEmpty();
      String name =
          "fill-probe-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
      Path inTmp = Files.writeString(tmp.resolve(name), "x");
      Path inShm = Files.writeString(shm.resolve(name), "x");
      try {
        // Owned by the uid student code runs as, like a file a child wrote.
        Files.setAttribute(inTmp, "unix:uid", HostileSubmissions.childUid());
        // ... or by one of the sandbox's per-run uids, when the grader is root
        Files.setAttribute(inShm, "unix:uid", runUidOrChildUid());

        assertThat(subs.writtenOutside()).contains(inTmp, inShm);
      } finally {
        Files.deleteIfExists(inTmp);
        Files.deleteIfExists(inShm);
      }
    }
  }

  @Test
  void aChildJvmsCrashLogIsNotALeftoverButAFileNamedLikeOneIs(@TempDir Path temp) throws Exception {
    Path tmp = Files.createDirectory(temp.resolve("tmp"));
    try (HostileSubmissions subs = new HostileSubmissions(temp, 1, List.of(tmp))) {
      subs.snapshotShared();
      long pid = 4_000_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
      Path crash = tmp.resolve("hs_err_pid" + pid + ".log");
      Path noMemory = tmp.resolve("hs_err_pid" + (pid + 1) + ".log");
      Path lookalike = tmp.resolve("hs_err_pid" + (pid + 2) + ".log");
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

  /** 65533 (the first per-run uid) when the grader is root, else the uid children run as. */
  private static Object runUidOrChildUid() {
    return Integer.valueOf(65534).equals(HostileSubmissions.childUid())
        ? Integer.valueOf(65533)
        : HostileSubmissions.childUid();
  }
}
