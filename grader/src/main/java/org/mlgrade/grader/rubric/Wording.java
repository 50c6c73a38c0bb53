package org.mlgrade.grader.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How rubric errors word values: numbers as an instructor writes them, and no Java. */
final class Wording {

  /** Jackson's message for a number too large for its field; group 1 the number, 2 the type. */
  static final Pattern OUT_OF_RANGE =
      Pattern.compile("Numeric value \\((-?[0-9.eE+-]+)\\) out of range of (\\w+)");

  private static final Pattern JACKSON_HINT =
      Pattern.compile(
          "\\s*\\([^()]*(?:CoercionConfig|MapperFeature|DeserializationFeature|JsonFormat|"
              + "@Json|Jackson)[^()]*\\)");
  private static final Pattern QUALIFIED =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");

  private Wording() {}

  /** A Jackson message without Java: no qualified class names, no hints about Jackson's API. */
  static String plain(String message) {
    String text = String.valueOf(message).lines().findFirst().orElse("");
    Matcher range = OUT_OF_RANGE.matcher(text);
    if (range.find()) {
      return "the number " + range.group(1) + " is out of range of " + range.group(2);
    }
    text = JACKSON_HINT.matcher(text).replaceAll("");
    text = QUALIFIED.matcher(text).replaceAll("$1");
    return text.replace("`", "").strip();
  }

  /** A number as an instructor would write it: {@code 4}, not {@code 4.0}. */
  static String format(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return Double.toString(x);
  }

  /** A value as an error message quotes it: text in quotes, containers by their kind. */
  static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "'" + value.asText() + "'";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isDouble() || value.isFloat()) {
      return format(value.doubleValue());
    }
    return value.asText();
  }

  /** The items joined with commas, or {@code none}. */
  static String listOrNone(List<String> items) {
    return items.isEmpty() ? "none" : String.join(", ", items);
  }
}
