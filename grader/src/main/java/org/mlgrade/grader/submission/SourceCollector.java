package org.mlgrade.grader.submission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Copies the {@code .java} files of a submission (a directory, a zip archive or one file) into a
 * private source directory, keeping their relative paths. Only regular files are read; links are
 * never followed; zip entries that would land outside the directory are refused; the
 * {@link SourceLimits} bound what is read. Nothing about the submission makes it throw: what it
 * skips becomes a problem for the student.
 *
 * <p>A bundled sample kept as a {@link SampleOverlay} is collected whole: its own files, the
 * base files its patch changes, then the base's other files that it neither replaces nor
 * removes.
 */
final class SourceCollector {

  /** Directories deeper than this are not entered. */
  private static final int MAX_DEPTH = 32;

  private final SourceLimits limits;

  SourceCollector(SourceLimits limits) {
    this.limits = limits;
  }

  /** The sources copied and the problems met. */
  record Collected(List<String> sources, List<String> problems) {}

  /**
   * Copies the sources of {@code submission} under {@code target}, an empty directory.
   *
   * @return the copied files relative to {@code target} (sorted, '/'-separated) and the problems
   */
  Collected collect(Path submission, Path target) {
    Run run = new Run(target);
    if (Files.isDirectory(submission)) {
      Optional<SampleOverlay> overlay = Optional.empty();
      try {
        overlay = SampleOverlay.of(submission);
      } catch (IllegalArgumentException e) {
        run.problems.add("the sample's base was not added: " + e.getMessage());
      }
      run.fromDirectory(submission, Set.of());
      overlay.ifPresent(sample -> {
        sample.patched().forEach(run::fromText);
        run.fromDirectory(sample.base(), sample.leftOut());
      });
    } else if (Files.isRegularFile(submission)) {
      String name = String.valueOf(submission.getFileName());
      if (isJavaName(name)) {
        run.entries++;
        run.fromFile(submission, name);
      } else {
        run.fromZip(submission);
      }
    } else {
      run.problems.add("the submission " + submission.getFileName()
          + " is neither a directory, a .zip archive nor a .java file");
    }
    if (run.tooMany > 0) {
      run.problems.add("only " + limits.maxFiles() + " .java files were kept; " + run.tooMany
          + " more were ignored");
    }
    if (run.sources.isEmpty() && run.problems.isEmpty()) {
      run.problems.add("no .java source files were found in the submission"
          + (run.others > 0 ? " (" + run.others + " other files were ignored)" : ""));
    }
    return new Collected(List.copyOf(run.sources), List.copyOf(run.problems));
  }

  /** The state of one collection. */
  private final class Run {

    private final Path target;
    private final Set<String> sources = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();
    private long totalBytes;
    private int entries;
    private int tooMany;
    private int others;
    private boolean stopped;

    Run(Path target) {
      this.target = target;
    }

    /**
     * Copies the sources under {@code directory}, except those at the relative paths in {@code
     * skipped} and those already copied (which an overlay replaces).
     */
    void fromDirectory(Path directory, Set<String> skipped) {
      Path root;
      try {
        root = directory.toRealPath();
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return countEntry() ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!countEntry()) {
                  return FileVisitResult.TERMINATE;
                }
                String relative = relative(root, file);
                if (attrs.isDirectory()) {
                  problems.add(relative + " was not read: folders deeper than " + MAX_DEPTH
                      + " levels are ignored");
                } else if (!isJavaName(relative)) {
                  others++;
                } else if (isArtifact(relative) || skipped.contains(relative)
                    || sources.contains(relative)) {
                  return FileVisitResult.CONTINUE;
                } else if (attrs.isSymbolicLink()) {
                  problems.add(relative + " was skipped: it is a symbolic link");
                } else if (!attrs.isRegularFile()) {
                  problems.add(relative + " was skipped: it is not a regular file");
                } else if (keep(relative, attrs.size())) {
                  fromFile(file, relative);
                }
                return stopped ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(relative(root, file) + " could not be read: " + reason(e));
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        problems.add("the submission folder could not be read: " + reason(e));
      }
    }

    void fromZip(Path zip) {
      try (ZipFile archive = new ZipFile(zip.toFile())) {
        Enumeration<? extends ZipEntry> all = archive.entries();
        while (all.hasMoreElements() && !stopped) {
          ZipEntry entry = all.nextElement();
          if (!countEntry()) {
            break;
          }
          String name = entry.getName();
          if (entry.isDirectory()) {
            continue;
          }
          if (!isJavaName(name)) {
            others++;
            continue;
          }
          String relative = safeRelative(name);
          if (relative == null) {
            problems.add("the zip entry " + printable(name) + " was refused: its path leaves the"
                + " submission folder or is not a plain relative path");
          } else if (sources.contains(relative)) {
            problems.add("the zip entry " + relative + " appears twice; the first was kept");
          } else if (!isArtifact(relative) && keep(relative, entry.getSize())) {
            try (InputStream in = archive.getInputStream(entry)) {
              store(relative, readBounded(in, relative));
            } catch (IOException | RuntimeException e) {
              problems.add(relative + " could not be extracted: " + reason(e));
            }
          }
        }
      } catch (IOException | RuntimeException e) {
        problems.add("the submission " + zip.getFileName() + " could not be read as a .zip"
            + " archive: " + reason(e));
      }
    }

    /** Stores {@code text} as the source {@code relative}, within the limits. */
    void fromText(String relative, String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (countEntry() && keep(relative, bytes.length)) {
        try {
          store(relative, readBounded(new ByteArrayInputStream(bytes), relative));
        } catch (IOException e) {
          problems.add(relative + " could not be written: " + reason(e));
        }
      }
    }

    void fromFile(Path file, String relative) {
      try (InputStream in = Channels.newInputStream(Files.newByteChannel(file,
          Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
        store(relative, readBounded(in, relative));
      } catch (IOException e) {
        problems.add(relative + " could not be read: " + reason(e));
      }
    }

    /** Counts one entry looked at; false (once reported) when there were too many. */
    private boolean countEntry() {
      if (stopped) {
        return false;
      }
      if (++entries > limits.maxEntries()) {
        problems.add("the submission has more than " + limits.maxEntries()
            + " files and folders; the rest were ignored");
        stopped = true;
        return false;
      }
      return true;
    }

    /** Whether a .java file of the announced size (-1 unknown) fits the limits; reports why not. */
    private boolean keep(String relative, long size) {
      if (relative.equals("module-info.java") || relative.endsWith("/module-info.java")) {
        problems.add(relative + " was ignored: submissions are compiled without modules");
        return false;
      }
      if (sources.size() >= limits.maxFiles()) {
        tooMany++;
        return false;
      }
      if (size > limits.maxFileBytes()) {
        problems.add(relative + " was skipped: it is larger than " + limits.maxFileBytes()
            + " bytes");
        return false;
      }
      return true;
    }

    /** Reads at most the file limit; null (once reported) when the file or total is too big. */
    private byte[] readBounded(InputStream in, String relative) throws IOException {
      long room = Math.min(limits.maxFileBytes(), limits.maxTotalBytes() - totalBytes);
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, room + 1));
      totalBytes += bytes.length;
      if (bytes.length <= room) {
        return bytes;
      }
      if (room < limits.maxFileBytes()) {
        problems.add(relative + " and the files after it were skipped: the submission's sources"
            + " are larger than " + limits.maxTotalBytes() + " bytes in all");
        stopped = true;
      } else {
        problems.add(relative + " was skipped: it is larger than " + limits.maxFileBytes()
            + " bytes");
      }
      return null;
    }

    private void store(String relative, byte[] bytes) throws IOException {
      if (bytes == null) {
        return;
      }
      Path out = target.resolve(relative).normalize();
      if (!out.startsWith(target)) {
        throw new IOException("its path leaves the submission folder");
      }
      Files.createDirectories(out.getParent());
      Files.write(out, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      sources.add(relative);
    }
  }

  /**
   * {@code name} as a safe relative path ('/'-separated, no empty or '.' parts), or null when it
   * is absolute, climbs with '..', uses backslashes, a drive letter or control characters.
   */
  static String safeRelative(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.indexOf('\\') >= 0
        || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
        || name.length() >= 2 && name.charAt(1) == ':') {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String part : name.split("/")) {
      if (part.equals("..") || part.length() > 255) {
        return null;
      }
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    if (parts.isEmpty() || parts.size() > MAX_DEPTH) {
      return null;
    }
    return String.join("/", parts);
  }

  /** Files a Mac's zip tool adds beside the real ones: never the student's code. */
  private static boolean isArtifact(String relative) {
    String fileName = relative.substring(relative.lastIndexOf('/') + 1);
    return relative.startsWith("__MACOSX/") || fileName.startsWith("._");
  }

  private static boolean isJavaName(String name) {
    return name.endsWith(".java");
  }

  private static String relative(Path root, Path file) {
    Path relative = root.relativize(file);
    List<String> parts = new ArrayList<>();
    relative.forEach(part -> parts.add(part.toString()));
    return parts.isEmpty() ? String.valueOf(file.getFileName()) : String.join("/", parts);
  }

  private static String printable(String name) {
    StringBuilder out = new StringBuilder("'");
    name.codePoints().limit(200).forEach(c -> out.append(
        c < 0x20 || c == 0x7f ? "?" : new String(Character.toChars(c))));
    return out.append(name.length() > 200 ? "...'" : "'").toString();
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
