package org.mlgrade.grader.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a tree never leaves it through a link, even one swapped in while deleting. */
class TreesTest {

  @TempDir Path temp;

  @Test
  void aLinkInTheTreeIsRemovedNotFollowed() throws IOException {
    Path outside = Files.createDirectory(temp.resolve("outside"));
    Files.writeString(outside.resolve("victim"), "keep");
    Path tree = Files.createDirectories(temp.resolve("tree/a/b"));
    Files.writeString(tree.resolve("f"), "x");
    Files.createSymbolicLink(tree.resolve("link"), outside);
    Files.createSymbolicLink(temp.resolve("tree/file-link"), outside.resolve("victim"));

    Trees.deleteQuietly(temp.resolve("tree"));

    assertThat(temp.resolve("tree")).doesNotExist();
    assertThat(outside.resolve("victim")).hasContent("keep");
  }

  @RepeatedTest(5)
  void aDirectorySwappedForALinkDuringTheDeleteIsNotEntered() throws Exception {
    Path outside = Files.createDirectory(temp.resolve("outside"));
    for (int i = 0; i < 50; i++) {
      Files.writeString(outside.resolve("victim" + i), "keep");
    }
    Path tree = Files.createDirectory(temp.resolve("tree"));
    for (int i = 0; i < 200; i++) {
      Files.writeString(Files.createDirectories(tree.resolve("d" + i)).resolve("f"), "x");
    }
    AtomicBoolean running = new AtomicBoolean(true);
    Thread swapper = new Thread(() -> {
      // What a hostile child does: replace directories by links to a victim, over and over.
      while (running.get()) {
        for (int i = 199; i >= 0 && running.get(); i--) {
          Path dir = tree.resolve("d" + i);
          try {
            Files.deleteIfExists(dir.resolve("f"));
            Files.deleteIfExists(dir);
            Files.createSymbolicLink(dir, outside);
          } catch (IOException e) {
            // lost a race with the delete: try the next one
          }
        }
      }
    });
    swapper.start();
    try {
      Trees.deleteQuietly(tree);
    } finally {
      running.set(false);
      swapper.join();
    }
    for (int i = 0; i < 50; i++) {
      assertThat(outside.resolve("victim" + i)).hasContent("keep");
    }
  }
}
