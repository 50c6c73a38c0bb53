package org.mlgrade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder a student could have planted something in or near. */
class OutputFolderTest {

  @TempDir Path temp;

  @Test
  void aMissingFolderIsCreatedPrivate() throws IOException {
    Path out = OutputFolder.prepare(temp.resolve("a/out"));

    assertThat(out).isDirectory();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rwx------");
  }

  @Test
  void aPlantedLinkIsRefusedAndNotWrittenThrough() throws IOException {
    Path victim = Files.createDirectory(temp.resolve("victim"));
    Path out = Files.createSymbolicLink(temp.resolve("out"), victim);

    assertThatThrownBy(() -> OutputFolder.prepare(out)).isInstanceOf(IOException.class)
        .hasMessageContaining("symbolic link").hasMessageContaining("--out");
    assertThat(victim).isEmptyDirectory();
  }

  @Test
  void aFolderOfAnotherUserIsRefused() throws IOException {
    Path out = Files.createDirectory(temp.resolve("out"));
    try {
      Files.setAttribute(out, "unix:uid", 65533);
    } catch (IOException e) {
      assumeTrue(false, "changing a folder's owner needs root");
    }

    assertThatThrownBy(() -> OutputFolder.prepare(out)).isInstanceOf(IOException.class)
        .hasMessageContaining("belongs to uid 65533");
  }

  @Test
  void aReportIsWrittenByRenameOverALinkWithoutFollowingIt() throws IOException {
    Path out = OutputFolder.prepare(temp.resolve("out"));
    Path victim = Files.writeString(temp.resolve("victim"), "keep");
    Files.createSymbolicLink(out.resolve("results.json"), victim);

    OutputFolder.writeAtomically(out.resolve("results.json"), "{}".getBytes());

    assertThat(victim).hasContent("keep");
    assertThat(Files.isSymbolicLink(out.resolve("results.json"))).isFalse();
    assertThat(out.resolve("results.json")).hasContent("{}");
    try (var files = Files.list(out)) {
      assertThat(files).hasSize(1);
    }
  }
}
