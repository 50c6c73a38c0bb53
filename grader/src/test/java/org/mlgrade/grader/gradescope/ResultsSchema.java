package org.mlgrade.grader.gradescope;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Gradescope's results.json format as a JSON Schema ({@code /gradescope/results.schema.json},
 * written from Gradescope's autograder specification, not from mlgrade's code), and a validator
 * that lists what a file breaks.
 */
public final class ResultsSchema {

  private static final Schema SCHEMA = load();

  private ResultsSchema() {}

  private static Schema load() {
    try (InputStream in = ResultsSchema.class.getResourceAsStream(
        "/gradescope/results.schema.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(text, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What {@code json} breaks of Gradescope's format, one message each; empty when valid. */
  public static List<String> violations(String json) {
    return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  /** Like {@link #violations(String)}, for a file. */
  public static List<String> violations(Path file) {
    try {
      return violations(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
