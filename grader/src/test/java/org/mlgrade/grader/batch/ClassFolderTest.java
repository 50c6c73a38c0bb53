package org.mlgrade.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFolderTest {

  @TempDir Path root;

  @Test
  void eachFolderAndZipIsAStudentAndNothingElseIs() throws IOException {
    Files.createDirectories(root.resolve("carol/src"));
    Files.createDirectories(root.resolve("alice"));
    zip(root.resolve("bob.zip"));
    zip(root.resolve("dave.ZIP"));
    Files.createDirectories(root.resolve(".git"));
    Files.createDirectories(root.resolve("__MACOSX"));
    Files.writeString(root.resolve("README.md"), "not a student");
    Files.writeString(root.resolve(".samples"), "a marker file");
    Files.writeString(root.resolve("notes.txt"), "not a student");
    zip(root.resolve(".hidden.zip"));

    assertThat(ClassFolder.scan(root))
        .extracting(Student::id)
        .containsExactly("alice", "bob", "carol", "dave");
    assertThat(ClassFolder.scan(root).get(1))
        .isEqualTo(new Student("bob", root.resolve("bob.zip"), "", ""));
  }

  @Test
  void twoSubmissionsWithOneIdAreRefused() throws IOException {
    Files.createDirectories(root.resolve("alice"));
    zip(root.resolve("alice.zip"));
    assertThatThrownBy(() -> ClassFolder.scan(root))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'alice'").hasMessageContaining("rename one");
  }

  @Test
  void aMissingRootIsRefused() {
    assertThatThrownBy(() -> ClassFolder.scan(root.resolve("nope")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a directory");
  }

  @Test
  void aGradescopeExportNamesTheSubmitters() throws IOException {
    // The layout of Gradescope's "Export Submissions": a folder per submission id and
    // submission_metadata.yml written by Ruby (symbol keys, BigDecimal tags on scores).
    Files.createDirectories(root.resolve("submission_1001"));
    Files.createDirectories(root.resolve("submission_1002"));
    Files.createDirectories(root.resolve("submission_1003"));
    Files.writeString(root.resolve("submission_metadata.yml"), """
        ---
        submission_1001:
          :submitters:
          - :name: Ada Lovelace
            :sid: '1815'
            :email: ada@example.edu
          :created_at: 2024-03-01 10:15:00.000000000 -08:00
          :score: !ruby/object:BigDecimal 18:0.95E1
          :status: processed
        submission_1002:
          :submitters:
          - :name: Alan Turing
            :sid: '1912'
            :email: alan@example.edu
          - :name: Grace Hopper
            :sid: '1906'
            :email: grace@example.edu
          :created_at: 2024-03-01 11:00:00.000000000 -08:00
          :score:
        """);

    assertThat(ClassFolder.scan(root)).containsExactly(
        new Student("submission_1001", root.resolve("submission_1001"), "Ada Lovelace",
            "ada@example.edu"),
        new Student("submission_1002", root.resolve("submission_1002"),
            "Alan Turing; Grace Hopper", "alan@example.edu; grace@example.edu"),
        new Student("submission_1003", root.resolve("submission_1003"), "", ""));
  }

  private static void zip(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("A.java"));
      zip.write("class A {}".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }
}
