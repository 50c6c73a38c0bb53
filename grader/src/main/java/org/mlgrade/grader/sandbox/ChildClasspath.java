package org.mlgrade.grader.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.mlgrade.api.Shape;
import org.mlgrade.harness.Wire;
import org.mlgrade.api.Shape;

/**
 * The only classes student code may see, copied out of the grader's own classpath into two
 * directories: {@link #api()} holds {@code org.mlgrade.api} alone (the compile classpath of a
 * submission) and {@link #harness()} holds the harness and Jackson (added for the child JVM).
 *
 * <p>Copying by package prefix works the same whether the grader runs from Maven's {@code
 * target/classes} directories or from the shaded {@code mlgrade.jar}, where API and reference
 * classes share one jar: the reference never reaches the child because it is never copied.
 */
public final class ChildClasspath {

  private static final List<String> API_PREFIXES = List.of("org/mlgrade/api/");
  /** The harness and the three Jackson parts it uses: not the YAML and CSV formats. */
  private static final List<String> HARNESS_PREFIXES = List.of("org/mlgrade/harness/",
      "com/fasterxml/jackson/core/", "com/fasterxml/jackson/databind/",
      "com/fasterxml/jackson/annotation/");

  private final Path api;
  private final Path harness;

  private ChildClasspath(Path api, Path harness) {
    this.api = api;
    this.harness = harness;
  }

  /** Copies the API and harness classes under {@code root} (created if needed). */
  public static ChildClasspath materialize(Path root) {
    try {
      requireParent(root);
      Files.createDirectories(root);
      Path api = materializeApi(root.resolve("api"));
      Path harness = Files.createDirectories(root.resolve("harness"));
      copy(locations(Wire.class, ObjectMapper.class, JsonParser.class, JsonProperty.class),
          HARNESS_PREFIXES, harness);
      return new ChildClasspath(api, harness);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the sandbox classpath under " + root, e);
    }
  }

  /**
   * Copies the {@code org.mlgrade.api} classes alone into {@code directory} (created if needed)
   * and returns it: the class path submissions compile against, the same classes the child sees.
   */
  public static Path materializeApi(Path directory) throws IOException {
    requireParent(directory);
    Files.createDirectories(directory);
    // Any API class finds where the API lives: the reference module's classes under Maven, the
    // shaded jar otherwise; either way only the org/mlgrade/api prefix is copied.
    copy(locations(Shape.class), API_PREFIXES, directory);
    return directory;
  }

  /** The directory holding only {@code org.mlgrade.api} classes. */
  public Path api() {
    return api;
  }

  /** The directory holding the harness and Jackson classes. */
  public Path harness() {
    return harness;
  }

  /** A folder whose parent is gone is not made again: the grader is being stopped. */
  private static void requireParent(Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new NoSuchFileException(parent.toString());
    }
  }

  private static Set<Path> locations(Class<?>... anchors) {
    Set<Path> locations = new LinkedHashSet<>();
    for (Class<?> anchor : anchors) {
      try {
        locations.add(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException e) {
        throw new IllegalStateException("cannot locate the classes of " + anchor, e);
      }
    }
    return locations;
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
      if (matches(name, prefixes)) {
        Path out = target.resolve(name);
        Files.createDirectories(out.getParent());
        Files.copy(file, out, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void copyFromJar(Path jar, List<String> prefixes, Path target)
      throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(file.entries())) {
        if (entry.isDirectory() || !matches(entry.getName(), prefixes)) {
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

  private static boolean matches(String name, List<String> prefixes) {
    return name.endsWith(".class") && prefixes.stream().anyMatch(name::startsWith);
  }
}
