package org.mlgrade.grader.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricException;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.reference.ProblemRegistry;

/** Where a command's rubric comes from: a file, or the default rubric bundled in the jar. */
final class RubricSource {

  /** The bundled default rubric, a copy of {@code rubrics/ml-homework.json}. */
  static final String DEFAULT_NAME = "ml-homework.json";

  private static final String BUNDLED = "/org/mlgrade/grader/rubrics/";

  private RubricSource() {}

  /** Loads {@code file}, or the bundled default rubric when {@code file} is null. */
  static Rubric load(Path file) throws RubricException {
    RubricLoader loader = new RubricLoader(ProblemRegistry.standard());
    if (file != null) {
      return loader.load(file);
    }
    return loader.read(Path.of("(bundled) rubrics/" + DEFAULT_NAME), bundled(DEFAULT_NAME));
  }

  /** The bytes of {@code file}, or of the bundled default rubric when {@code file} is null. */
  static byte[] bytes(Path file) throws IOException {
    return file != null ? Files.readAllBytes(file)
        : bundled(DEFAULT_NAME).getBytes(StandardCharsets.UTF_8);
  }

  /** The name of {@code file}, or of the bundled default rubric when {@code file} is null. */
  static String name(Path file) {
    return file == null ? DEFAULT_NAME : String.valueOf(file.getFileName());
  }

  /** The text of {@code file}, or of the bundled default rubric when {@code file} is null. */
  static String text(Path file) throws IOException {
    return file == null ? bundled(DEFAULT_NAME) : Files.readString(file, StandardCharsets.UTF_8);
  }

  private static String bundled(String name) {
    try (InputStream in = RubricSource.class.getResourceAsStream(BUNDLED + name)) {
      if (in == null) {
        throw new IllegalStateException("the bundled rubric " + name + " is missing from the "
            + "grader's jar; rebuild with mvn package");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled rubric " + name, e);
    }
  }
}
