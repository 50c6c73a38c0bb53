package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.mlgrade.grader.io.Trees;

/**
 * Files made once per mlgrade version and JVM (the harness jar, the compiler JVM's jar, and their
 * class-data archives), kept between runs in a folder private to the grader's user: {@code
 * $XDG_CACHE_HOME/mlgrade} or {@code ~/.cache/mlgrade}. The folder is used only when it is a real
 * directory owned by that user that no one else can write; otherwise nothing is kept and every run
 * makes its own.
 *
 * <p>Nothing secret goes in: the harness, which every child sees anyway, the compiler JVM's classes
 * (which run no student code), and archives of the classes they load. Each sandbox and compiler
 * copies the files out (with their modification time, which the archive records) into its own
 * folder; children never see this folder.
 */
public final class ChildCache {

  private static final Set<PosixFilePermission> OTHERS_WRITE =
      Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  /** How long an entry no run has used is kept once another version makes its own. */
  private static final int STALE_DAYS = 30;

  private final Path dir;

  private ChildCache(Path dir) {
    this.dir = dir;
  }

  /** The cache entry for {@code key}, or one that keeps nothing when there is no safe folder. */
  static ChildCache open(String key) {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    try {
      Path mlgrade = base.resolve("mlgrade");
      if (!Files.exists(mlgrade, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(base);
        Files.createDirectory(
            mlgrade,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      if (!isPrivate(mlgrade)) {
        return new ChildCache(null);
      }
      Path dir = mlgrade.resolve("child-" + key);
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        pruneStale(mlgrade);
        try {
          Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
          // made by another grader at the same moment
        }
      }
      return new ChildCache(isPrivate(dir) ? dir : null);
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return new ChildCache(null);
    }
  }

  /**
   * Copies the kept file {@code name} to {@code target}, with its modification time, readable by
   * all; false when it is not kept (or cannot be copied).
   */
  public boolean copyOut(String name, Path target) {
    if (dir == null) {
      return false;
    }
    touch();
    Path kept = dir.resolve(name);
    if (!Files.isRegularFile(kept, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      Files.copy(kept, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      try {
        Files.deleteIfExists(target);
      } catch (IOException ignored) {
        // the sandbox's folder is deleted with the sandbox
      }
      return false;
    }
  }

  /** Marks the entry used now, so that pruning keeps it. */
  private void touch() {
    try {
      Files.setLastModifiedTime(dir, FileTime.from(Instant.now()));
    } catch (IOException | RuntimeException e) {
      // pruned only after 30 days unused: at worst made again
    }
  }

  /** Keeps a copy of {@code file} (with its modification time) as {@code name}, if it can. */
  public void store(Path file, String name) {
    if (dir == null) {
      return;
    }
    Path partial = dir.resolve(name + "." + UUID.randomUUID() + ".partial");
    try {
      Files.copy(file, partial, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      Files.move(
          partial,
          dir.resolve(name),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | UnsupportedOperationException e) {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // a partial file is never read: only complete ones are renamed into place
      }
    }
  }

  /**
   * Deletes the entries of other versions not used for {@link #STALE_DAYS} days (about 10 MB each),
   * when a new version makes its own.
   */
  private static void pruneStale(Path mlgrade) {
    Instant stale = Instant.now().minus(Duration.ofDays(STALE_DAYS));
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(mlgrade, "child-*")) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
            && Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS)
                .toInstant()
                .isBefore(stale)) {
          Trees.deleteQuietly(entry);
        }
      }
    } catch (IOException | RuntimeException e) {
      // kept for the next time
    }
  }

  /** A real directory of this process's user that no one else can write. */
  private static boolean isPrivate(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Object owner = Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    Object self = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    Set<PosixFilePermission> permissions =
        Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
    return owner.equals(self) && permissions.stream().noneMatch(OTHERS_WRITE::contains);
  }
}
