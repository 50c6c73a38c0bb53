package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.mlgrade.grader.io.Trees;

/**
 * How a JVM's class-data archive (JDK 17's dynamic AppCDS) is made, for the sandbox's child ({@link
 * ChildArchive}) and the compiler JVM alike: a training run dumps it at exit ({@code
 * -XX:ArchiveClassesAtExit}) in a scratch folder, a second run proves that a JVM maps it ({@code
 * -Xshare:on}, which fails rather than run without), and only then is it moved into place and kept
 * in the {@link ChildCache}.
 */
public final class ClassDataArchive {

  /** One JVM run of the training or of the check. */
  @FunctionalInterface
  public interface Run {

    /**
     * Runs the JVM with {@code cds} among its flags; true when it exited normally.
     *
     * @param scratch a private folder for the run's files, deleted afterwards
     * @param training true for the run that dumps the archive, false for the check
     */
    boolean run(List<String> cds, Path scratch, boolean training)
        throws IOException, InterruptedException;
  }

  private ClassDataArchive() {}

  /**
   * Makes the archive {@code archive} with {@code run}, its scratch folder in {@code
   * scratchParent}, and keeps it in {@code cache}; empty when a run or a step fails (the JVMs then
   * start without).
   */
  public static Optional<Path> make(Path scratchParent, Path archive, ChildCache cache, Run run) {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory(scratchParent, "cds-");
      Path dumped = scratch.resolve(archive.getFileName());
      if (!run.run(List.of("-XX:ArchiveClassesAtExit=" + dumped), scratch, true)
          || !Files.isRegularFile(dumped)) {
        return Optional.empty();
      }
      if (!run.run(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + dumped), scratch, false)) {
        return Optional.empty();
      }
      Files.setPosixFilePermissions(dumped, PosixFilePermissions.fromString("rw-r--r--"));
      Files.move(dumped, archive, StandardCopyOption.ATOMIC_MOVE);
      cache.store(archive, archive.getFileName().toString());
      return Optional.of(archive);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      if (scratch != null) {
        Trees.deleteQuietly(scratch);
      }
    }
  }
}
