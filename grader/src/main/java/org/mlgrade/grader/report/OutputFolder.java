package org.mlgrade.grader.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The folder reports go into, made safe against a student who can write near it: created
 * private ({@code 0700}) when missing, refused when it is a link or belongs to another user
 * (planted before the grader ran), and written by rename, so that a reader never sees half a file
 * and a link planted under a report's name is replaced, never followed.
 */
public final class OutputFolder {

  private OutputFolder() {}

  /**
   * Makes {@code folder} ready for reports: creates it {@code 0700} (and missing parents) when it
   * does not exist; otherwise checks that it is a real directory of the grader's own user.
   *
   * @throws IOException saying what is wrong and what to do, when the folder cannot be used
   */
  public static Path prepare(Path folder) throws IOException {
    Path absolute = folder.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(absolute)) {
      throw new IOException("the output folder " + folder + " is a symbolic link (to "
          + Files.readSymbolicLink(absolute) + "); remove it or choose another --out");
    }
    if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.createDirectory(absolute,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      return absolute;
    }
    if (!Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("the output folder " + folder + " is not a directory");
    }
    Object owner = Files.getAttribute(absolute, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    Object self = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    if (!owner.equals(self)) {
      throw new IOException("the output folder " + folder + " belongs to uid " + owner
          + ", not to the grader's user (uid " + self + "); remove it or choose another --out");
    }
    if (!Files.isWritable(absolute)) {
      throw new IOException("the output folder " + folder + " is not writable");
    }
    return absolute;
  }

  /**
   * Writes {@code bytes} to {@code file} atomically: into a new private file beside it, then
   * renamed over it (a link at {@code file} is replaced, not followed).
   */
  public static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path temp = Files.createTempFile(file.toAbsolutePath().getParent(),
        "." + file.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp, LinkOption.NOFOLLOW_LINKS)) {
        out.write(bytes);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
