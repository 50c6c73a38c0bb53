package org.mlgrade.grader.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricException;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.reference.ProblemRegistry;

/**
 * Where a command's rubric comes from, a file or the default rubric bundled in the jar, and its
 * bytes, read once: what is validated is what is hashed or packaged.
 */
final class RubricSource {

  /** The bundled default rubric, a copy of {@code rubrics/ml-homework.json}. */
  static final String DEFAULT_NAME = "ml-homework.json";

  private static final String BUNDLED = "/org/mlgrade/grader/rubrics/";

  private final Path file;
  private final byte[] bytes;

  private RubricSource(Path file, byte[] bytes) {
    this.file = file;
    this.bytes = bytes;
  }

  /**
   * Reads {@code file}, or the bundled default rubric when {@code file} is null.
   *
   * @throws RubricException when the file cannot be read or is too large to be a rubric
   */
  static RubricSource of(Path file) throws RubricException {
    return new RubricSource(file, file != null ? RubricLoader.readFile(file) : bundled());
  }

  /** Loads {@code file}, or the bundled default rubric when {@code file} is null. */
  static Rubric load(Path file) throws RubricException {
    return of(file).load();
  }

  /** The rubric these bytes hold, validated. */
  Rubric load() throws RubricException {
    RubricLoader loader = new RubricLoader(ProblemRegistry.standard());
    return loader.read(file != null ? file : Path.of("(bundled) rubrics/" + DEFAULT_NAME), bytes);
  }

  /** The bytes, as read. */
  byte[] bytes() {
    return bytes.clone();
  }

  /** The text (UTF-8). */
  String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The file's name, or the bundled default rubric's. */
  String name() {
    return file == null ? DEFAULT_NAME : String.valueOf(file.getFileName());
  }

  private static byte[] bundled() {
    try (InputStream in = RubricSource.class.getResourceAsStream(BUNDLED + DEFAULT_NAME)) {
      if (in == null) {
        throw new IllegalStateException(
            "the bundled rubric "
                + DEFAULT_NAME
                + " is missing from"
                + " the grader's jar; rebuild with mvn package");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled rubric " + DEFAULT_NAME, e);
    }
  }
}
