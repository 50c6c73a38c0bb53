package org.mlgrade.grader.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File-tree chores the grader's stages share. */
public final class Trees {

  private Trees() {}

  /**
   * Deletes a tree, best effort, without ever following a link: a file that student code left
   * behind (unreadable, vanished while walking) must not fail a grade; the OS's temp cleaner gets
   * it.
   *
   * <p>The walk works relative to open directory handles ({@code openat}/{@code unlinkat} with
   * {@code O_NOFOLLOW}), so a directory swapped for a link while the grader, as root, deletes
   * the tree cannot lead it out of the tree: the link is removed, never entered. {@code root}
   * itself must sit in a directory the child cannot write.
   */
  public static void deleteQuietly(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      deleteEntry(root);
      return;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(root)) {
      if (stream instanceof SecureDirectoryStream<Path> secure) {
        deleteContents(secure);
      } else {
        deleteByWalking(root);
        return;
      }
    } catch (IOException | UncheckedIOException e) {
      // Left for the OS's temp cleaner.
    }
    deleteEntry(root);
  }

  private static void deleteContents(SecureDirectoryStream<Path> dir) {
    List<Path> names = new ArrayList<>();
    try {
      for (Path entry : dir) {
        names.add(entry.getFileName());
      }
    } catch (RuntimeException e) {
      // A directory that cannot be read: delete what was listed.
    }
    for (Path name : names) {
      try {
        BasicFileAttributes attributes = dir.getFileAttributeView(name,
            BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).readAttributes();
        if (attributes.isDirectory()) {
          try (SecureDirectoryStream<Path> sub = dir.newDirectoryStream(name,
              LinkOption.NOFOLLOW_LINKS)) {
            deleteContents(sub);
          }
          dir.deleteDirectory(name);
        } else {
          dir.deleteFile(name);
        }
      } catch (IOException | RuntimeException e) {
        // Swapped for a link (O_NOFOLLOW refused it) or gone: try to unlink it as it is now.
        try {
          dir.deleteFile(name);
        } catch (IOException | RuntimeException again) {
          // Left for the OS's temp cleaner.
        }
      }
    }
  }

  private static void deleteByWalking(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(Trees::deleteEntry);
    } catch (IOException | UncheckedIOException e) {
      // Left for the OS's temp cleaner.
    }
  }

  private static void deleteEntry(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Left for the OS's temp cleaner.
    }
  }
}
