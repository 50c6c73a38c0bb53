package org.mlgrade.grader.sandbox;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A jar of some of the grader's own classes, picked by package prefix out of its class path
 * (Maven's {@code target/classes} folders or the shaded {@code mlgrade.jar}: picking by prefix
 * works the same in both), built once per content and JVM and kept in {@link ChildCache}. The child
 * JVM's class path (the harness) and the compiler JVM's are such jars; each run copies its jar out
 * with the modification time that a class-data archive of it records and checks.
 *
 * @param jar the jar, where {@link #materialize} was asked to put it
 * @param cache where the jar (and any archive of it) is kept between runs
 */
public record GraderClassesJar(Path jar, ChildCache cache) {

  /**
   * Puts at {@code target} the jar of the classes under {@code prefixes}, but {@code excluded}, of
   * the class path entries that hold {@code anchors}: copied out of the cache when an earlier run
   * made it, else built and kept.
   */
  public static GraderClassesJar materialize(
      Path target, List<String> prefixes, Set<String> excluded, Class<?>... anchors)
      throws IOException {
    Set<Path> locations = locations(anchors);
    ChildCache cache = ChildCache.open(contentKey(locations, prefixes, excluded));
    String name = target.getFileName().toString();
    if (!cache.copyOut(name, target)) {
      Path built = target.resolveSibling(name + ".new");
      writeJar(locations, prefixes, excluded, built);
      Files.move(built, target, StandardCopyOption.ATOMIC_MOVE);
      cache.store(target, name);
    }
    return new GraderClassesJar(target, cache);
  }

  /** The class path entries (folders or jars) that hold {@code anchors}. */
  static Set<Path> locations(Class<?>... anchors) {
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

  /** Whether {@code name} is a class under one of {@code prefixes} and not {@code excluded}. */
  static boolean matches(String name, List<String> prefixes, Set<String> excluded) {
    return name.endsWith(".class")
        && prefixes.stream().anyMatch(name::startsWith)
        && !excluded.contains(name);
  }

  /**
   * What identifies the jar: the names, sizes and CRCs of the classes it would hold (read from a
   * jar's directory without inflating anything), and the JVM that runs them.
   */
  private static String contentKey(Set<Path> locations, List<String> prefixes, Set<String> excluded)
      throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
    digest.update(
        (System.getProperty("java.home") + "\n" + System.getProperty("java.vm.version") + "\n")
            .getBytes(StandardCharsets.UTF_8));
    for (Path location : locations) {
      SortedMap<String, String> entries = new TreeMap<>();
      if (Files.isDirectory(location)) {
        try (Stream<Path> walk = Files.walk(location)) {
          for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
            String name = location.relativize(file).toString().replace('\\', '/');
            if (matches(name, prefixes, excluded)) {
              CRC32 crc = new CRC32();
              crc.update(Files.readAllBytes(file));
              entries.put(name, Files.size(file) + ":" + crc.getValue());
            }
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (JarEntry entry : Collections.list(jar.entries())) {
            if (!entry.isDirectory() && matches(entry.getName(), prefixes, excluded)) {
              entries.put(entry.getName(), entry.getSize() + ":" + entry.getCrc());
            }
          }
        }
      }
      entries.forEach(
          (name, id) -> digest.update((name + "=" + id + "\n").getBytes(StandardCharsets.UTF_8)));
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
  }

  /** Writes the classes of {@code locations} under {@code prefixes} into a new jar. */
  private static void writeJar(
      Set<Path> locations, List<String> prefixes, Set<String> excluded, Path target)
      throws IOException {
    Set<String> written = new HashSet<>();
    try (ZipOutputStream out =
        new ZipOutputStream(
            new BufferedOutputStream(
                Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)))) {
      out.setLevel(Deflater.BEST_SPEED);
      for (Path location : locations) {
        if (Files.isDirectory(location)) {
          List<Path> files = new ArrayList<>();
          try (Stream<Path> walk = Files.walk(location)) {
            walk.filter(Files::isRegularFile).sorted().forEach(files::add);
          }
          for (Path file : files) {
            String name = location.relativize(file).toString().replace('\\', '/');
            if (matches(name, prefixes, excluded) && written.add(name)) {
              out.putNextEntry(new ZipEntry(name));
              Files.copy(file, out);
              out.closeEntry();
            }
          }
        } else {
          try (JarFile jar = new JarFile(location.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
              String name = entry.getName();
              if (!entry.isDirectory() && matches(name, prefixes, excluded) && written.add(name)) {
                out.putNextEntry(new ZipEntry(name));
                try (InputStream in = jar.getInputStream(entry)) {
                  in.transferTo(out);
                }
                out.closeEntry();
              }
            }
          }
        }
      }
    }
  }
}
