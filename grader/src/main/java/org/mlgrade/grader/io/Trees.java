package org.mlgrade.grader.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** File-tree chores the grader's stages share. */
public final class Trees {

  private Trees() {}

  /**
   * Deletes a tree, best effort, without following links: a file that student code left behind
   * (unreadable, vanished while walking) must not fail a grade; the OS's temp cleaner gets it.
   */
  public static void deleteQuietly(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // Left for the OS's temp cleaner.
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // Left for the OS's temp cleaner.
    }
  }
}
