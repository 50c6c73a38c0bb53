package org.mlgrade.grader.batch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The students of a class folder: every sub-directory or {@code .zip} directly under it is one
 * student, named by the folder (or the zip without {@code .zip}). In a Gradescope export (a
 * {@code submission_metadata.yml} at the root) the names and emails come from the metadata.
 * Hidden entries (a leading dot), macOS's {@code __MACOSX} and every other file (a README, the
 * metadata, a marker file) are not students.
 */
public final class ClassFolder {

  private static final String ZIP = ".zip";

  private ClassFolder() {}

  /**
   * The students under {@code root}, sorted by id.
   *
   * @throws IllegalArgumentException when {@code root} is not a directory, or two entries give
   *     the same id (say {@code alice/} and {@code alice.zip})
   * @throws IOException when {@code root} or its metadata cannot be read
   */
  public static List<Student> scan(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("not a directory: " + root);
    }
    Path metadataFile = root.resolve(GradescopeMetadata.FILE);
    Map<String, GradescopeMetadata.Submitters> metadata = Files.isRegularFile(metadataFile)
        ? GradescopeMetadata.read(metadataFile) : Map.of();
    Map<String, Path> seen = new HashMap<>();
    List<Student> students = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        String file = entry.getFileName().toString();
        if (file.startsWith(".") || file.equals("__MACOSX")) {
          continue;
        }
        String id;
        if (Files.isDirectory(entry)) {
          id = file;
        } else if (Files.isRegularFile(entry)
            && file.toLowerCase(Locale.ROOT).endsWith(ZIP) && file.length() > ZIP.length()) {
          id = file.substring(0, file.length() - ZIP.length());
        } else {
          continue;
        }
        Path other = seen.putIfAbsent(id, entry);
        if (other != null) {
          throw new IllegalArgumentException("two submissions have the student id '" + id
              + "': " + other + " and " + entry + "; rename one");
        }
        GradescopeMetadata.Submitters who = metadata.getOrDefault(id,
            new GradescopeMetadata.Submitters("", ""));
        students.add(new Student(id, entry, who.names(), who.emails()));
      }
    }
    students.sort(Comparator.comparing(Student::id));
    return students;
  }
}
