package org.mlgrade.harness;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON configuration used wherever problem inputs and outputs cross a boundary: rubric
 * files, the grader-to-sandbox protocol and golden test vectors.
 *
 * <p>Strict on reading, so that a malformed rubric input or a sloppy student output is an error
 * and not a silent guess: unknown and missing record components fail, {@code 1.5} is not an
 * {@code int}, {@code "3"} is not a number and {@code null} is not a primitive. NaN and the
 * infinities travel as the bare tokens {@code NaN}, {@code Infinity} and {@code -Infinity}.
 */
public final class Wire {

  /** The shared mapper; thread-safe once built. */
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private Wire() {}
}
