package org.mlgrade.grader.rubric;

import static org.mlgrade.grader.rubric.Wording.describe;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Typed access to the fields of a rubric's objects: each getter returns the field's value when it
 * has the expected type and range, and otherwise logs an error at the field and returns null.
 */
final class FieldReader {

  /** The numbers a field accepts, and how to say so. */
  enum Range {
    POSITIVE("a finite number > 0", x -> x > 0),
    NON_NEGATIVE("a finite number >= 0", x -> x >= 0),
    FRACTION("a number in (0, 1]", x -> x > 0 && x <= 1);

    final String expected;
    final DoublePredicate accepts;

    Range(String expected, DoublePredicate accepts) {
      this.expected = expected;
      this.accepts = accepts;
    }
  }

  private final ErrorLog log;

  FieldReader(ErrorLog log) {
    this.log = log;
  }

  /** Whether {@code node} is an object; an error naming it as {@code what} if not. */
  boolean isObject(JsonNode node, JsonPointer at, String what) {
    if (node.isObject()) {
      return true;
    }
    log.error(at, what + " must be an object, got " + describe(node));
    return false;
  }

  /** An error at each field of {@code node} not in {@code allowed}. */
  void checkFields(JsonNode node, JsonPointer at, List<String> allowed, String where) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        log.keyError(
            at.appendProperty(name),
            "unknown field '"
                + name
                + "' in "
                + where
                + " (expected one of: "
                + String.join(", ", allowed)
                + ")");
      }
    }
  }

  /** The field's value; null and an error at the object when it is missing. */
  JsonNode required(JsonNode node, JsonPointer at, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null) {
      log.error(at, "missing field '" + field + "' in " + where);
    }
    return value;
  }

  /** A non-blank string. */
  String text(JsonNode node, JsonPointer at, String field, String where, boolean mandatory) {
    JsonNode value = mandatory ? required(node, at, field, where) : node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      log.error(
          at.appendProperty(field),
          "'" + field + "' of " + where + " must be a non-empty string, got " + describe(value));
      return null;
    }
    return value.asText();
  }

  /** A finite number in {@code range}. */
  Double number(
      JsonNode node, JsonPointer at, String field, String where, Range range, boolean mandatory) {
    JsonNode value = mandatory ? required(node, at, field, where) : node.get(field);
    if (value == null) {
      return null;
    }
    double x = value.isNumber() ? value.doubleValue() : Double.NaN;
    if (!value.isNumber() || !Double.isFinite(x) || !range.accepts.test(x)) {
      log.error(
          at.appendProperty(field),
          "'"
              + field
              + "' of "
              + where
              + " must be "
              + range.expected
              + ", got "
              + describe(value));
      return null;
    }
    return x;
  }

  /** An integer from {@code min} to {@code max}. */
  Long integer(
      JsonNode node,
      JsonPointer at,
      String field,
      String where,
      long min,
      long max,
      boolean mandatory) {
    JsonNode value = mandatory ? required(node, at, field, where) : node.get(field);
    if (value == null) {
      return null;
    }
    boolean ok =
        value.isIntegralNumber()
            && value.canConvertToLong()
            && value.longValue() >= min
            && value.longValue() <= max;
    if (!ok) {
      String expected =
          min == Long.MIN_VALUE
              ? "an integer"
              : max == Integer.MAX_VALUE || max == Long.MAX_VALUE
                  ? "an integer >= " + min
                  : "an integer from " + min + " to " + max;
      log.error(
          at.appendProperty(field),
          "'" + field + "' of " + where + " must be " + expected + ", got " + describe(value));
      return null;
    }
    return value.longValue();
  }

  /** One of {@code options}, written as {@code name} gives it; {@code absent} when missing. */
  <T> T choice(
      JsonNode node,
      JsonPointer at,
      String field,
      String where,
      List<T> options,
      Function<T, String> name,
      T absent) {
    JsonNode value = node.get(field);
    if (value == null) {
      return absent;
    }
    for (T option : options) {
      if (value.isTextual() && name.apply(option).equals(value.asText())) {
        return option;
      }
    }
    log.error(
        at.appendProperty(field),
        "'"
            + field
            + "' of "
            + where
            + " must be one of "
            + options.stream().map(name).collect(Collectors.joining(", "))
            + ", got "
            + describe(value));
    return null;
  }
}
