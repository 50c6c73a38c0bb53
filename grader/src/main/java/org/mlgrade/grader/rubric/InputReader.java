package org.mlgrade.grader.rubric;

import static org.mlgrade.grader.rubric.Wording.plain;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.Problem;

/**
 * Reads an explicit test input strictly into its problem's input record, the way the grader talks
 * to the sandbox ({@link Wire#MAPPER}), and words what does not fit at the offending value.
 */
final class InputReader {

  private static final Pattern NON_FINITE_TEXT =
      Pattern.compile("[-+]?(?:NaN|nan|NAN|Infinity|infinity|INF|inf|Inf|\\.nan|\\.inf)");
  private static final Pattern MISSING_PROPERTY =
      Pattern.compile("Missing (?:required )?creator property '([^']*)'");

  /** The most values (numbers, strings, lists, objects) one test's input may hold. */
  static final int MAX_INPUT_VALUES = 1_000_000;

  private final ErrorLog log;
  private long values;

  InputReader(ErrorLog log) {
    this.log = log;
  }

  /** The explicit input deserialised strictly into the problem's input record, or null. */
  Object read(JsonNode node, JsonPointer at, String where, Problem<?, ?, ?> problem) {
    String type = problem.inputType().getSimpleName();
    if (node.isNull()) {
      log.error(at, "the input of " + where + " must be a " + type + ", got null");
      return null;
    }
    values = 0;
    if (!finite(node, at, where)) {
      return null;
    }
    if (values > MAX_INPUT_VALUES) {
      log.error(
          at,
          "the input of "
              + where
              + " holds "
              + values
              + " values (numbers, strings,"
              + " lists and objects); one input may hold at most "
              + MAX_INPUT_VALUES
              + ": split it into several tests");
      return null;
    }
    try {
      return Wire.MAPPER.treeToValue(node, problem.inputType());
    } catch (UnrecognizedPropertyException e) {
      JsonPointer inner = pointer(at, e.getPath());
      String known =
          e.getKnownPropertyIds() == null
              ? ""
              : " (expected one of: "
                  + e.getKnownPropertyIds().stream()
                      .map(String::valueOf)
                      .sorted()
                      .collect(Collectors.joining(", "))
                  + ")";
      log.keyError(
          inner, "unknown field '" + e.getPropertyName() + "' in the input of " + where + known);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      log.error(
          pointer(at, e.getPath()),
          "invalid input of "
              + where
              + ": "
              + (cause.getMessage() != null
                  ? cause.getMessage()
                  : "the problem's record refuses" + " these values"));
    } catch (JsonMappingException e) {
      Matcher missing = MISSING_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
      if (missing.find()) {
        log.error(
            pointer(at, e.getPath()),
            "missing field '"
                + missing.group(1)
                + "' in the input of "
                + where
                + " (a "
                + type
                + ")");
      } else {
        log.error(
            pointer(at, e.getPath()),
            "the input of "
                + where
                + " does not fit "
                + type
                + ": "
                + plain(e.getOriginalMessage()));
      }
    } catch (JsonProcessingException e) {
      // A number out of range of its field (InputCoercionException) carries no path: find it.
      Matcher range = Wording.OUT_OF_RANGE.matcher(String.valueOf(e.getOriginalMessage()));
      JsonPointer inner = range.find() ? numberAt(node, at, range.group(1)) : null;
      log.error(
          inner != null ? inner : at,
          "the input of " + where + " does not fit " + type + ": " + plain(e.getOriginalMessage()));
    } catch (IllegalArgumentException e) {
      log.error(
          at, "the input of " + where + " does not fit " + type + ": " + plain(e.getMessage()));
    }
    return null;
  }

  /**
   * Whether {@code node} holds no NaN or infinity (numbers, or text Jackson would turn into one):
   * NaN compares equal to nothing, so a test with one could not be judged; each is an error.
   */
  private boolean finite(JsonNode node, JsonPointer at, String where) {
    boolean finite = true;
    values++;
    if (node.isNumber() && !Double.isFinite(node.doubleValue())
        || node.isTextual() && NON_FINITE_TEXT.matcher(node.asText()).matches()) {
      log.error(
          at,
          "the input of "
              + where
              + " holds "
              + node.asText()
              + ": NaN and infinities"
              + " are not allowed in test inputs");
      return false;
    }
    if (node.isContainerNode()) {
      int i = 0;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        finite &= finite(field.getValue(), at.appendProperty(field.getKey()), where);
      }
      if (node.isArray()) {
        for (JsonNode item : node) {
          finite &= finite(item, at.appendIndex(i++), where);
        }
      }
    }
    return finite;
  }

  /** Where in {@code node} the number written {@code text} stands, or null. */
  private static JsonPointer numberAt(JsonNode node, JsonPointer at, String text) {
    if (node.isNumber() && node.asText().equals(text)) {
      return at;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonPointer found = numberAt(field.getValue(), at.appendProperty(field.getKey()), text);
      if (found != null) {
        return found;
      }
    }
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      JsonPointer found = numberAt(node.get(i), at.appendIndex(i), text);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static JsonPointer pointer(JsonPointer base, List<JsonMappingException.Reference> path) {
    JsonPointer at = base;
    for (JsonMappingException.Reference step : path) {
      at =
          step.getFieldName() != null
              ? at.appendProperty(step.getFieldName())
              : step.getIndex() >= 0 ? at.appendIndex(step.getIndex()) : at;
    }
    return at;
  }
}
