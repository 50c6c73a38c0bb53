package org.mlgrade.grader.gradescope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the autograder zip Gradescope installs: at its root {@code setup.sh} and {@code
 * run_autograder} (LF line ends, mode 755), {@code mlgrade.jar} and the rubric (mode 644).
 *
 * <p>The modes are written with the JDK's zip file system ({@code enablePosixFileAttributes}),
 * which records them as unzip and Gradescope read them; {@code java.util.zip} cannot.
 */
public final class AutograderPackage {

  /** The jar's name in the zip and in {@code /autograder/source}. */
  public static final String JAR_NAME = "mlgrade.jar";

  private static final String SCRIPTS = "/org/mlgrade/grader/gradescope/";
  private static final Set<PosixFilePermission> EXECUTABLE =
      PosixFilePermissions.fromString("rwxr-xr-x");
  private static final Set<PosixFilePermission> READABLE =
      PosixFilePermissions.fromString("rw-r--r--");

  private AutograderPackage() {}

  /**
   * The jar this class was loaded from, or empty when it runs from a class directory (a build
   * or an IDE), where there is no single jar to package.
   */
  public static Optional<Path> runningJar() {
    CodeSource source = AutograderPackage.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar")
          ? Optional.of(path) : Optional.empty();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The name the rubric gets in the package: {@code rubric} plus the extension of {@code
   * original} ({@code .yaml}, {@code .yml}, or {@code .json} for anything else), one of
   * {@link Autograder#RUBRIC_NAMES}.
   */
  public static String rubricName(String original) {
    String lower = original.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") ? "rubric.yaml" : lower.endsWith(".yml") ? "rubric.yml"
        : "rubric.json";
  }

  /**
   * Writes the zip to {@code out} (replaced if it exists).
   *
   * @param jar the grader's jar, copied as {@link #JAR_NAME}
   * @param rubricName the rubric's name in the zip, one of {@link Autograder#RUBRIC_NAMES}
   * @param rubric the rubric's text
   * @param out the zip to write
   */
  public static void write(Path jar, String rubricName, String rubric, Path out)
      throws IOException {
    if (!Autograder.RUBRIC_NAMES.contains(rubricName)) {
      throw new IllegalArgumentException("the rubric must be named one of "
          + Autograder.RUBRIC_NAMES + ", got " + rubricName);
    }
    Path absolute = out.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Path partial = Files.createTempFile(absolute.getParent(), ".autograder-", ".zip.part");
    Files.delete(partial);
    try {
      try (FileSystem zip = FileSystems.newFileSystem(partial,
          Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
        add(zip, "setup.sh", script("setup.sh"), EXECUTABLE);
        add(zip, "run_autograder", script("run_autograder"), EXECUTABLE);
        Path jarEntry = zip.getPath("/" + JAR_NAME);
        Files.copy(jar, jarEntry);
        Files.setPosixFilePermissions(jarEntry, READABLE);
        add(zip, rubricName, rubric.getBytes(StandardCharsets.UTF_8), READABLE);
      }
      Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static void add(FileSystem zip, String name, byte[] content,
      Set<PosixFilePermission> mode) throws IOException {
    Path entry = zip.getPath("/" + name);
    Files.write(entry, content);
    Files.setPosixFilePermissions(entry, mode);
  }

  /** A packaged script, with LF line ends whatever the checkout did to it. */
  static byte[] script(String name) {
    try (InputStream in = AutograderPackage.class.getResourceAsStream(SCRIPTS + name)) {
      if (in == null) {
        throw new IllegalStateException("the script " + name + " is missing from the grader's "
            + "jar; rebuild with mvn package");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the script " + name, e);
    }
  }
}
