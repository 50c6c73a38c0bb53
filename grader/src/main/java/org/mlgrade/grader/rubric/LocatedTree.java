package org.mlgrade.grader.rubric;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlgrade.harness.Wire;

/**
 * A JSON or YAML document read into a Jackson tree, with the source location of every value and
 * every field name, keyed by JSON Pointer.
 *
 * <p>Both formats go through the same streaming {@link JsonParser} API, so locations mean the same
 * in both: the 1-based line and column where the value (or field name) starts. Duplicate field
 * names are a syntax error here, since a tree would silently keep only the last one.
 */
final class LocatedTree {

  private static final JsonFactory JSON = Wire.MAPPER.getFactory();
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** The most characters a YAML rubric may have (the YAML parser's own limit, 3 MiB). */
  static final int MAX_YAML_CODE_POINTS = 3 * 1024 * 1024;
  private static final Pattern YAML_SPECIAL_FLOAT =
      Pattern.compile("([-+]?)\\.(?:(nan|NaN|NAN)|inf|Inf|INF)");

  private final JsonNode root;
  private final Map<String, JsonLocation> values = new HashMap<>();
  private final Map<String, JsonLocation> keys = new HashMap<>();

  private LocatedTree(JsonParser parser, Path file) throws IOException, RubricException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new RubricException(List.of(new RubricError(file, 1, 1, "the rubric file is empty")));
    }
    root = read(parser, JsonPointer.empty(), file);
    if (parser.nextToken() != null) {
      JsonLocation at = parser.currentTokenLocation();
      throw new RubricException(List.of(new RubricError(file, at.getLineNr(), at.getColumnNr(),
          "unexpected content after the end of the rubric")));
    }
  }

  /**
   * Parses {@code text}, as YAML when {@code file} ends in {@code .yaml} or {@code .yml} and as
   * JSON otherwise.
   *
   * @throws RubricException on a syntax error or a duplicate field name
   */
  static LocatedTree parse(Path file, String text) throws RubricException {
    boolean yaml = isYaml(file);
    if (yaml && text.codePointCount(0, text.length()) > MAX_YAML_CODE_POINTS) {
      throw new RubricException(List.of(new RubricError(file, 1, 1, "the rubric has "
          + text.codePointCount(0, text.length()) + " characters; a YAML rubric may have at most "
          + MAX_YAML_CODE_POINTS + " (3 MiB): generate tests (generate: {count: ...}) instead of "
          + "listing them, or write the rubric as JSON")));
    }
    try (JsonParser parser = yaml ? YAML.createParser(text) : JSON.createParser(text)) {
      return new LocatedTree(parser, file);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? 1 : Math.max(1, at.getLineNr());
      int column = at == null ? 1 : Math.max(1, at.getColumnNr());
      String message = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
      if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        // SnakeYAML's first line is its context ("while scanning ..."); the problem and its
        // position are what the author needs ("found character '\t(TAB)' ...").
        line = marked.getProblemMark().getLine() + 1;
        column = marked.getProblemMark().getColumn() + 1;
        message = (marked.getContext() == null ? "" : marked.getContext() + ": ")
            + marked.getProblem();
      }
      throw new RubricException(List.of(new RubricError(file, line, column,
          (yaml ? "YAML" : "JSON") + " syntax error: " + message)));
    } catch (IOException e) {
      throw new RubricException(List.of(new RubricError(file, 1, 1,
          "cannot read the rubric: " + e.getMessage())));
    }
  }

  /** Whether {@code file} is read as YAML (by its extension). */
  static boolean isYaml(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private JsonNode read(JsonParser parser, JsonPointer at, Path file)
      throws IOException, RubricException {
    values.put(at.toString(), parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonPointer child = at.appendProperty(name);
          JsonLocation keyAt = parser.currentTokenLocation();
          if (object.has(name)) {
            throw new RubricException(List.of(new RubricError(file, keyAt.getLineNr(),
                keyAt.getColumnNr(), "duplicate field '" + name + "'")));
          }
          keys.put(child.toString(), keyAt);
          parser.nextToken();
          object.set(name, read(parser, child, file));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser, at.appendIndex(array.size()), file));
        }
        return array;
      }
      case VALUE_STRING -> {
        return NODES.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (parser.getNumberType()) {
          case INT -> NODES.numberNode(parser.getIntValue());
          case LONG -> NODES.numberNode(parser.getLongValue());
          default -> NODES.numberNode(parser.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(floatValue(parser));
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      default -> {
        JsonLocation where = parser.currentTokenLocation();
        throw new RubricException(List.of(new RubricError(file, where.getLineNr(),
            where.getColumnNr(), "unsupported value " + parser.getText())));
      }
    }
  }

  /**
   * The parser's floating-point value, with YAML's {@code .nan}, {@code .inf} and {@code -.inf}
   * (in any of YAML's spellings), which Jackson's YAML parser tokenises as numbers but cannot
   * convert.
   */
  private static double floatValue(JsonParser parser) throws IOException {
    String text = parser.getText();
    Matcher special = YAML_SPECIAL_FLOAT.matcher(text);
    if (special.matches()) {
      if (special.group(2) != null) {
        return Double.NaN;
      }
      return "-".equals(special.group(1)) ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    return parser.getDoubleValue();
  }

  /** The document's root value. */
  JsonNode root() {
    return root;
  }

  /** Where the value at {@code pointer} starts; the nearest enclosing value's start if unknown. */
  JsonLocation valueAt(JsonPointer pointer) {
    for (JsonPointer p = pointer; p != null; p = p.head()) {
      JsonLocation found = values.get(p.toString());
      if (found != null) {
        return found;
      }
    }
    return values.get("");
  }

  /** Where the field name that ends {@code pointer} stands; its value's start if not a field. */
  JsonLocation keyAt(JsonPointer pointer) {
    JsonLocation found = keys.get(pointer.toString());
    return found != null ? found : valueAt(pointer);
  }
}
