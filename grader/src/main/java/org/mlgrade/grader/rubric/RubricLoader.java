package org.mlgrade.grader.rubric;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.mlgrade.grader.submission.StaticRule;
import org.mlgrade.reference.ProblemRegistry;

/**
 * Reads rubric files, JSON or YAML, into validated {@link Rubric}s.
 *
 * <p>The format is documented in {@code rubrics/README.md} and published as a JSON Schema in {@code
 * rubrics/schema/rubric.schema.json}. A file is YAML when its name ends in {@code .yaml} or {@code
 * .yml}, and JSON otherwise.
 *
 * <p>Validation collects every error of a file it can find before giving up, each with its line and
 * column: unknown fields, unknown problem ids, explicit inputs that do not deserialise into the
 * problem's input record (strictly, as {@link org.mlgrade.harness.Wire#MAPPER} reads them,
 * including the record's own argument checks), impossible tolerances, points that do not add up,
 * duplicate question ids and test names, unknown known-mistake ids and empty generators. A syntax
 * error stops the reading at once, with that one error. Size limits ({@link #MAX_FILE_BYTES},
 * {@link #MAX_TESTS}, the YAML parser's 3 MiB, a bound on values and on one input's values) are
 * each refused with their own message before the work they would cost.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RubricLoader {

  /**
   * The static-check rule ids a rubric's {@code static_checks} may name: those of {@link
   * StaticRule}, in its order.
   */
  public static final List<String> STATIC_CHECK_IDS =
      Stream.of(StaticRule.values()).map(StaticRule::id).toList();

  /** The most bytes a rubric file may have; larger files are refused before they are read. */
  public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  /** The most tests a rubric may have, generated ones included. */
  public static final int MAX_TESTS = 10_000;

  private final ProblemRegistry registry;

  /** A loader that resolves problem ids in {@code registry}. */
  public RubricLoader(ProblemRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Reads and validates the rubric in {@code file} (UTF-8), reading the file once.
   *
   * @throws RubricException with every error found, when the file cannot be read, is larger than
   *     {@link #MAX_FILE_BYTES}, or is not a valid rubric
   */
  public Rubric load(Path file) throws RubricException {
    return read(file, readFile(file));
  }

  /**
   * The bytes of the rubric file {@code file}, refused before it is read when it has more than
   * {@link #MAX_FILE_BYTES}.
   *
   * @throws RubricException when the file cannot be read or is too large
   */
  public static byte[] readFile(Path file) throws RubricException {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new RubricException(
            List.of(
                new RubricError(
                    file,
                    1,
                    1,
                    "the rubric file has "
                        + size
                        + " bytes; a rubric may have at most "
                        + MAX_FILE_BYTES
                        + " (16 MiB), and a"
                        + " YAML rubric at most "
                        + LocatedTree.MAX_YAML_CODE_POINTS
                        + " characters (3 MiB):"
                        + " generate tests (generate: {count: ...}) instead of listing them")));
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new RubricException(List.of(new RubricError(file, 1, 1, "no such file")));
    } catch (AccessDeniedException e) {
      throw new RubricException(
          List.of(
              new RubricError(
                  file, 1, 1, "permission denied: the grader cannot read the rubric file")));
    } catch (IOException e) {
      throw new RubricException(
          List.of(new RubricError(file, 1, 1, "cannot read the rubric file: " + e.getMessage())));
    }
  }

  /**
   * Validates the rubric in {@code bytes} (UTF-8), as if read from {@code source}.
   *
   * @throws RubricException with every error found
   */
  public Rubric read(Path source, byte[] bytes) throws RubricException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new RubricException(
          List.of(
              new RubricError(
                  source, 1, 1, "the rubric file is not UTF-8 text; save it as UTF-8")));
    }
    return read(source, text);
  }

  /**
   * Validates the rubric {@code text}, as if read from {@code source} (whose extension chooses
   * between YAML and JSON, and which the errors and {@link Rubric#source()} name).
   *
   * @throws RubricException with every error found
   */
  public Rubric read(Path source, String text) throws RubricException {
    LocatedTree tree = LocatedTree.parse(source, text);
    return new RubricReader(registry, source, tree).read();
  }
}
