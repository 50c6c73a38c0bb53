package org.mlgrade.grader.sandbox;

import org.mlgrade.grader.io.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The uids children run as when the grader is root: one per submission being run at a time
 * (65533 downwards, never {@code nobody}'s 65534, which system services may use), so that what one
 * student's code leaves behind can be killed and deleted by uid without touching another's, and
 * one student's process bomb does not use another's process budget. After a child, {@link
 * #reap} kills every process of its uid and deletes the files it left in the host's
 * world-writable folders.
 *
 * <p>Graders on one machine (two shards of a batch, a {@code grade} while a batch runs, parallel
 * test JVMs) share the uids: each uid is also held through an exclusive lock on a file of its own
 * in a folder only the grader's user can write ({@link #LOCKS}), which the kernel releases when
 * the process holding it dies. Without it, one grader's reap killed another's child of the same
 * uid (status 137 before the child was ready).
 */
final class ChildUids {

  /** The first uid handed out; the others go downwards from it. */
  static final int FIRST = 65533;
  /** How many submissions may run at once. */
  static final int SLOTS = 64;

  /** The world-writable folders a child below bubblewrap can leave files in. */
  static final List<Path> SHARED_FOLDERS = List.of(Path.of("/tmp"), Path.of("/var/tmp"),
      Path.of("/dev/shm"));

  /** The folder of the uids' lock files, shared by every grader of this user on the machine. */
  static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "mlgrade-uid-locks");

  private static final BitSet taken = new BitSet(SLOTS);
  private static final FileChannel[] held = new FileChannel[SLOTS];
  private static final long REAP_MILLIS = 10_000;

  private ChildUids() {}

  /** The lock folder once made or checked: ours, not a link, writable by no one else. */
  private static final class LockFolder {
    static final Path PATH = open();

    private static Path open() {
      try {
        try {
          Files.createDirectory(LOCKS, PosixFilePermissions.asFileAttribute(
              PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
          // made by an earlier grader: checked below
        }
        Object owner = Files.getAttribute(LOCKS, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Object self = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(LOCKS,
            LinkOption.NOFOLLOW_LINKS);
        if (Files.isDirectory(LOCKS, LinkOption.NOFOLLOW_LINKS) && owner.equals(self)
            && !mode.contains(PosixFilePermission.GROUP_WRITE)
            && !mode.contains(PosixFilePermission.OTHERS_WRITE)) {
          return LOCKS;
        }
      } catch (IOException | RuntimeException e) {
        // fall through to a private folder
      }
      // Planted by someone else, or unusable: locks in a folder of this grader alone still keep
      // its own runs apart, and the process scan in acquire() keeps it off uids in use.
      try {
        return Files.createTempDirectory("mlgrade-uid-locks-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a folder for the sandbox uids' locks", e);
      }
    }
  }

  /** The folder in use for the uids' lock files. */
  static Path lockFolder() {
    return LockFolder.PATH;
  }

  /** Locks {@code slot}'s file for this process, or returns false when another process holds it. */
  private static boolean lock(int slot) {
    Path file = LockFolder.PATH.resolve("uid-" + (FIRST - slot) + ".lock");
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
      if (channel.tryLock() != null) {
        held[slot] = channel;
        return true;
      }
    } catch (IOException e) {
      // unusable lock file: treat the uid as taken
    }
    closeQuietly(channel);
    return false;
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // closing releases the lock; nothing else to do
      }
    }
  }

  /**
   * A uid no other run of this JVM or of another grader holds and no process on the machine has.
   *
   * @throws IllegalStateException when all {@link #SLOTS} are in use
   */
  static synchronized int acquire() {
    for (int slot = 0; slot < SLOTS; slot++) {
      if (taken.get(slot) || !lock(slot)) {
        continue;
      }
      if (processesOf(FIRST - slot).isEmpty()) {
        taken.set(slot);
        return FIRST - slot;
      }
      closeQuietly(held[slot]);
      held[slot] = null;
    }
    throw new IllegalStateException("all " + SLOTS + " sandbox uids (" + (FIRST - SLOTS + 1)
        + " to " + FIRST + ") are in use");
  }

  /** Reaps every uid in use: for a grader being stopped. */
  static void reapTaken() {
    int[] uids;
    synchronized (ChildUids.class) {
      uids = taken.stream().map(slot -> FIRST - slot).toArray();
    }
    for (int uid : uids) {
      reap(uid);
    }
  }

  /** Gives {@code uid} back, once {@link #reap} has run for it. */
  static synchronized void release(int uid) {
    int slot = FIRST - uid;
    taken.clear(slot);
    closeQuietly(held[slot]);
    held[slot] = null;
  }

  /**
   * Kills every process of {@code uid} (again and again, until a scan of {@code /proc} finds
   * none: a process forking as it is killed) and deletes what the uid owns directly in {@link
   * #SHARED_FOLDERS}. Never follows a link.
   *
   * @return how many processes were killed
   */
  static int reap(int uid) {
    int killed = 0;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REAP_MILLIS);
    for (List<ProcessHandle> alive = processesOf(uid); !alive.isEmpty()
        && System.nanoTime() < deadline; alive = processesOf(uid)) {
      for (ProcessHandle process : alive) {
        if (process.destroyForcibly()) {
          killed++;
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Path folder : SHARED_FOLDERS) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
        for (Path entry : entries) {
          Object owner = Files.getAttribute(entry, "unix:uid", LinkOption.NOFOLLOW_LINKS);
          if (Integer.valueOf(uid).equals(owner)) {
            Trees.deleteQuietly(entry);
          }
        }
      } catch (IOException | RuntimeException e) {
        // A folder that is not there, or an entry gone meanwhile: nothing to delete.
      }
    }
    return killed;
  }

  /** The live processes whose real, effective, saved or file-system uid is {@code uid}. */
  static List<ProcessHandle> processesOf(int uid) {
    List<ProcessHandle> found = new ArrayList<>();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : proc) {
        if (ownedBy(dir.resolve("status"), uid)) {
          ProcessHandle.of(Long.parseLong(dir.getFileName().toString())).ifPresent(found::add);
        }
      }
    } catch (IOException | RuntimeException e) {
      // No /proc: nothing can be found this way.
    }
    return found;
  }

  private static boolean ownedBy(Path status, int uid) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("Uid:")) {
          for (String field : line.substring(4).trim().split("\\s+")) {
            if (Integer.parseInt(field) == uid) {
              return true;
            }
          }
          return false;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The process ended while we looked.
    }
    return false;
  }
}
