package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mlgrade.grader.io.Trees;

/**
 * The uids children run as when the grader is root: one per submission being run at a time (65533
 * downwards, never {@code nobody}'s 65534, which system services may use), so that what one
 * student's code leaves behind can be killed and deleted by uid without touching another's, and one
 * student's process bomb does not use another's process budget. After a child, {@link #reap} kills
 * every process of its uid and deletes the files it left in the host's world-writable folders.
 */
final class ChildUids {

  /** The first uid handed out; the others go downwards from it. */
  static final int FIRST = 65533;

  /** How many submissions may run at once. */
  static final int SLOTS = 64;

  /** The world-writable folders a child below bubblewrap can leave files in. */
  static final List<Path> SHARED_FOLDERS =
      List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"));

  /**
   * Where graders running at the same time on this machine lock the uids they hand out (root's
   * alone: {@code /run} is writable only by root), so that two never share a uid and one never
   * reaps the other's child. The kernel drops a lock when its process ends, however it ends.
   */
  static final Path LOCKS = Path.of("/run/mlgrade-uids");

  private static final BitSet taken = new BitSet(SLOTS);
  private static final Map<Integer, FileChannel> locks = new HashMap<>();
  private static final long REAP_MILLIS = 10_000;
  private static final int STATUS_HEAD_BYTES = 1024;

  private ChildUids() {}

  /**
   * A uid no other run of this JVM holds, no other grader on the machine has locked and no process
   * on the machine has.
   *
   * @throws IllegalStateException when all {@link #SLOTS} are in use
   */
  static synchronized int acquire() {
    for (int slot = 0; slot < SLOTS; slot++) {
      if (taken.get(slot)) {
        continue;
      }
      int uid = FIRST - slot;
      FileChannel lock = null;
      try {
        lock = lock(uid);
        if (lock == null) {
          continue; // another grader on this machine holds it
        }
      } catch (IOException e) {
        // No lock folder: this grader is alone as far as it can tell.
      }
      if (processesOf(uid).isEmpty()) {
        taken.set(slot);
        if (lock != null) {
          locks.put(uid, lock);
        }
        return uid;
      }
      if (lock != null) {
        closeQuietly(lock);
      }
    }
    throw new IllegalStateException(
        "all " + SLOTS + " sandbox uids (" + (FIRST - SLOTS + 1) + " to " + FIRST + ") are in use");
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
    taken.clear(FIRST - uid);
    FileChannel lock = locks.remove(uid);
    if (lock != null) {
      closeQuietly(lock);
    }
  }

  /**
   * Locks {@code uid} against other graders on this machine: the held lock, or null when another
   * process holds it.
   *
   * @throws IOException when there is no lock folder to use
   */
  private static FileChannel lock(int uid) throws IOException {
    if (!Files.isDirectory(LOCKS, LinkOption.NOFOLLOW_LINKS)) {
      try {
        Files.createDirectory(
            LOCKS,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } catch (FileAlreadyExistsException e) {
        // made by another grader at the same moment
      }
    }
    FileChannel channel =
        FileChannel.open(
            LOCKS.resolve("uid-" + uid + ".lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);
    FileLock held;
    try {
      held = channel.tryLock();
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      throw e instanceof IOException io ? io : new IOException(e);
    }
    if (held == null) {
      closeQuietly(channel);
      return null;
    }
    return channel;
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // closing drops the lock whatever happens
    }
  }

  /**
   * Kills every process of {@code uid} (again and again, until a scan of {@code /proc} finds none:
   * a process forking as it is killed) and deletes what the uid owns directly in {@link
   * #SHARED_FOLDERS}. Never follows a link.
   *
   * @return how many processes were killed
   */
  static int reap(int uid) {
    int killed = 0;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REAP_MILLIS);
    for (List<ProcessHandle> alive = processesOf(uid);
        !alive.isEmpty() && System.nanoTime() < deadline;
        alive = processesOf(uid)) {
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

  /**
   * Whether a {@code /proc/<pid>/status} file is of a live process (not a zombie, which runs
   * nothing and which killing cannot remove) whose {@code Uid:} line names {@code uid}. Reads the
   * file's first KiB as bytes: the State and Uid lines come third and ninth, after a name of at
   * most 64 bytes escaped, and this runs for every process on the machine several times per
   * submission.
   */
  private static boolean ownedBy(Path status, int uid) {
    try (InputStream in = Files.newInputStream(status)) {
      String text = new String(in.readNBytes(STATUS_HEAD_BYTES), StandardCharsets.ISO_8859_1);
      if (text.contains("\nState:\tZ")) {
        return false;
      }
      int line = text.indexOf("\nUid:");
      int end = line < 0 ? -1 : text.indexOf('\n', line + 1);
      if (end < 0) {
        return false;
      }
      for (String field : text.substring(line + 5, end).trim().split("\\s+")) {
        if (Integer.parseInt(field) == uid) {
          return true;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The process ended while we looked.
    }
    return false;
  }
}
