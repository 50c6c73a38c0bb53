package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mlgrade.grader.io.Trees;

/**
 * The files of one submission's run, under a fresh directory with an unguessable name: a
 * world-readable copy of the student's classes (regular files only: links are never followed, so
 * a submission cannot smuggle a host file in) and, for each child JVM, a new private working
 * directory that holds the request file and belongs to the child's uid.
 *
 * <p>Each child gets a new working directory, because a child owns its directory and may leave
 * anything in it: a link named like the request file (which the grader, as root, would follow
 * when writing the next request), a FIFO (on which the write would block) or state for the next
 * child. The directory is created by the grader, the request written into it with {@code
 * O_EXCL}, and only then handed to the child's uid.
 */
final class RunDirectory implements AutoCloseable {

  /** The name of the request file in a working directory. */
  static final String REQUEST = "request.json";

  private final Path root;
  private final Path classes;
  private final int childUid;
  private Path work;
  private int works;

  private RunDirectory(Path root, Path classes, int childUid) {
    this.root = root;
    this.classes = classes;
    this.childUid = childUid;
  }

  /**
   * Copies {@code studentClasses} under a new directory in {@code parent}.
   *
   * @param childUid the uid working directories are handed to, or -1 to keep them the grader's
   */
  static RunDirectory create(Path parent, Path studentClasses, int childUid) {
    try {
      Path root = Files.createTempDirectory(parent, "run-");
      Path classes = Files.createDirectory(root.resolve("student"));
      copyRegularFiles(studentClasses, classes);
      openForReading(root);
      return new RunDirectory(root, classes, childUid);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a sandbox run for " + studentClasses, e);
    }
  }

  /** The copy of the student's classes. */
  Path classes() {
    return classes;
  }

  /** The working directory of the last child, or null before the first. */
  Path work() {
    return work;
  }

  /**
   * Removes the last child's working directory and makes a new one for the next child, with
   * {@code request} in its {@link #REQUEST} file (none when {@code request} is null).
   */
  Path newWork(byte[] request) {
    if (work != null) {
      Trees.deleteQuietly(work);
    }
    try {
      work = Files.createDirectory(root.resolve("work-" + works++),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      if (request != null) {
        Path file = work.resolve(REQUEST);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
          out.write(request);
        }
        handOver(file);
      }
      handOver(work);
      return work;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a working directory under " + root, e);
    }
  }

  private void handOver(Path path) throws IOException {
    if (childUid >= 0) {
      Files.setAttribute(path, "unix:uid", childUid, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(path, "unix:gid", childUid, LinkOption.NOFOLLOW_LINKS);
    }
  }

  @Override
  public void close() {
    Trees.deleteQuietly(root);
  }

  /** Copies the regular files of {@code from} into {@code to}; links and devices are skipped. */
  static void copyRegularFiles(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
          throws IOException {
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
          throws IOException {
        if (attributes.isRegularFile()) {
          Files.copy(file, to.resolve(from.relativize(file).toString()),
              StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Makes a tree readable (and its directories searchable) by every user. */
  static void openForReading(Path root) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.forEach(paths::add);
    }
    for (Path path : paths) {
      if (Files.isSymbolicLink(path)) {
        continue;
      }
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
          Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "rwxr-xr-x" : "rw-r--r--"));
    }
  }
}
