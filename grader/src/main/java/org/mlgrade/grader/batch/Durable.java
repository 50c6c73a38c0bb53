package org.mlgrade.grader.batch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.mlgrade.grader.io.Trees;

/**
 * Files that are either whole or absent: written under a temporary name in the same directory,
 * forced to disk, then renamed over the target in one step. A process killed at any moment
 * leaves the old file or the new one, never half of one, plus perhaps a temporary directory that
 * {@link #clearTemporaries} removes.
 */
final class Durable {

  private static final String TEMPORARY = ".mlgrade-tmp-";

  private Durable() {}

  /** Writes one file into the (empty) directory it is given and returns that file. */
  @FunctionalInterface
  interface Writer {
    Path writeInto(Path directory) throws IOException;
  }

  /**
   * Replaces {@code target} with the file that {@code writer} writes, atomically.
   *
   * @throws IOException when writing, forcing or renaming fails; {@code target} is then as it was
   */
  static Path replace(Path target, Writer writer) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempDirectory(parent, TEMPORARY);
    try {
      Path written = writer.writeInto(temporary);
      force(written);
      Files.move(written, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      forceDirectory(parent);
      return target;
    } finally {
      Trees.deleteQuietly(temporary);
    }
  }

  /** Removes what a killed writer left in {@code directory}. */
  static void clearTemporaries(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, TEMPORARY + "*")) {
      for (Path entry : entries) {
        Trees.deleteQuietly(entry);
      }
    }
  }

  /** Forces a file's bytes and metadata to the disk. */
  static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /**
   * Forces a directory's entries (a rename, a new file) to the disk where the platform allows
   * opening a directory; elsewhere the rename is still atomic, only not yet durable.
   */
  static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported for directories here (e.g. Windows).
    }
  }
}
