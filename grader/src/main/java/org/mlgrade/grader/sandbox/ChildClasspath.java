package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.mlgrade.api.Shape;
import org.mlgrade.harness.Harness;

/**
 * The only classes student code may see, copied out of the grader's own classpath: {@link #api()}
 * is a directory holding {@code org.mlgrade.api} alone (the compile classpath of a submission) and
 * {@link #harness()} is a jar of the harness alone (the child JVM's class path): the child reads
 * and writes JSON with the harness's own codec, without Jackson.
 *
 * <p>Copying by package prefix works the same whether the grader runs from Maven's {@code
 * target/classes} directories or from the shaded {@code mlgrade.jar}, where API and reference
 * classes share one jar: the reference never reaches the child because it is never copied.
 *
 * <p>The harness jar is a {@link GraderClassesJar}: built once per content (mlgrade version) and
 * JVM, and kept in {@link ChildCache}; each sandbox copies it with its modification time, which the
 * child's class-data archive ({@link ChildArchive}) records and checks.
 */
public final class ChildClasspath {

  /** The harness jar's name in the class path directory. */
  static final String JAR = "harness.jar";

  private static final List<String> API_PREFIXES = List.of("org/mlgrade/api/");

  /** The harness's package. */
  private static final List<String> HARNESS_PREFIXES = List.of("org/mlgrade/harness/");

  /**
   * The harness classes only the grader uses, left out of the jar: {@code Wire} is the grader's
   * Jackson mapper, and the child has no Jackson.
   */
  private static final Set<String> GRADER_ONLY = Set.of("org/mlgrade/harness/Wire.class");

  private final Path root;
  private final Path api;
  private final Path harness;
  private final ChildCache cache;

  private ChildClasspath(Path root, Path api, Path harness, ChildCache cache) {
    this.root = root;
    this.api = api;
    this.harness = harness;
    this.cache = cache;
  }

  /** Copies the API classes and the harness jar under {@code root} (created if needed). */
  public static ChildClasspath materialize(Path root) {
    try {
      requireParent(root);
      Files.createDirectories(root);
      Path api = materializeApi(root.resolve("api"));
      GraderClassesJar harness =
          GraderClassesJar.materialize(
              root.resolve(JAR), HARNESS_PREFIXES, GRADER_ONLY, Harness.class);
      return new ChildClasspath(root, api, harness.jar(), harness.cache());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the sandbox classpath under " + root, e);
    }
  }

  /**
   * Copies the {@code org.mlgrade.api} classes alone into {@code directory} (created if needed) and
   * returns it: the class path submissions compile against, the same classes the child sees.
   */
  public static Path materializeApi(Path directory) throws IOException {
    requireParent(directory);
    Files.createDirectories(directory);
    // Any API class finds where the API lives: the reference module's classes under Maven, the
    // shaded jar otherwise; either way only the org/mlgrade/api prefix is copied.
    copy(GraderClassesJar.locations(Shape.class), API_PREFIXES, directory);
    return directory;
  }

  /** The directory holding the API directory and the harness jar. */
  public Path root() {
    return root;
  }

  /** The directory holding only {@code org.mlgrade.api} classes. */
  public Path api() {
    return api;
  }

  /** The jar of the harness classes. */
  public Path harness() {
    return harness;
  }

  /** Where this harness jar's files are kept between runs. */
  ChildCache cache() {
    return cache;
  }

  /** A folder whose parent is gone is not made again: the grader is being stopped. */
  private static void requireParent(Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new NoSuchFileException(parent.toString());
    }
  }

  private static void copy(Set<Path> locations, List<String> prefixes, Path target)
      throws IOException {
    for (Path location : locations) {
      if (Files.isDirectory(location)) {
        copyFromDirectory(location, prefixes, target);
      } else {
        copyFromJar(location, prefixes, target);
      }
    }
  }

  private static void copyFromDirectory(Path root, List<String> prefixes, Path target)
      throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    for (Path file : files) {
      String name = root.relativize(file).toString().replace('\\', '/');
      if (GraderClassesJar.matches(name, prefixes, Set.of())) {
        Path out = target.resolve(name);
        Files.createDirectories(out.getParent());
        Files.copy(file, out, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void copyFromJar(Path jar, List<String> prefixes, Path target) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        if (entry.isDirectory() || !GraderClassesJar.matches(entry.getName(), prefixes, Set.of())) {
          continue;
        }
        Path out = target.resolve(entry.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("unsafe entry " + entry.getName() + " in " + jar);
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
