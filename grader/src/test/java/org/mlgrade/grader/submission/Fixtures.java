package org.mlgrade.grader.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Sample submissions from {@code src/test/resources/submission} and a compiled fake API. */
final class Fixtures {

  private Fixtures() {}

  /** The test resource folder {@code submission/name}. */
  static Path resource(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/submission/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compiles the fake student API ({@code org.mlgrade.api.testfake}) into {@code dir/api}. */
  static Path compileApi(Path dir) {
    Path out = dir.resolve("api");
    javac(out, List.of(), sourcesUnder(resource("api")));
    return out;
  }

  /** Compiles {@code sources} into {@code out} with plain javac, failing the test on errors. */
  static void javac(Path out, List<String> options, List<Path> sources) {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(options);
    args.addAll(List.of("-d", out.toString()));
    sources.forEach(source -> args.add(source.toString()));
    int status = javac.run(null, null, null, args.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("javac failed on " + sources);
    }
  }

  static List<Path> sourcesUnder(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the resource folder {@code name} to {@code target}. */
  static Path copy(String name, Path target) {
    Path from = resource(name);
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.toList()) {
        Path to = target.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(to);
        } else {
          Files.copy(path, to);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a zip whose entries are named exactly as given (no checks, in order). */
  static Path zip(Path zip, Map<String, byte[]> entries) {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
      return zip;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A compilable class named {@code name} in the default package. */
  static byte[] classSource(String name) {
    return ("public class " + name + " {\n  public int value() {\n    return 7;\n  }\n}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The classes compiled into a submission's classes directory, relative, '/'-separated. */
  static List<String> classFiles(CompiledSubmission compiled) {
    try (Stream<Path> walk = Files.walk(compiled.classesDir())) {
      return walk.filter(Files::isRegularFile)
          .map(p -> compiled.classesDir().relativize(p).toString().replace('\\', '/'))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
