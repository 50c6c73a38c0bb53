package org.mlgrade.grader.rubric;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlgrade.harness.Wire;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A JSON or YAML document read into a Jackson tree, with the source location of every value and
 * every field name, found by JSON Pointer.
 *
 * <p>Both formats go through the same streaming {@link JsonParser} API, so locations mean the same
 * in both: the 1-based line and column where the value (or field name) starts. Duplicate field
 * names are a syntax error here, since a tree would silently keep only the last one.
 *
 * <p>YAML anchors and aliases work on lists and objects: an alias ({@code *net}) stands for the
 * value its anchor ({@code &net}) was put on, so one network can serve many tests (Jackson's YAML
 * parser does not report anchors on single numbers or strings, so aliases of those are refused). An
 * error in the aliased value itself is reported where the anchored value is written (the only place
 * its parts are written); an alias that does not fit where it is used is reported at the alias.
 * Merge keys ({@code <<}) are refused, and so are aliases that would expand the document to more
 * than {@link #MAX_VALUES} values.
 *
 * <p>Locations take one {@code long} per value, kept per container (by identity), so the index is
 * about as large as the tree itself, not as the sum of every value's path.
 */
final class LocatedTree {

  private static final JsonFactory JSON = Wire.MAPPER.getFactory();
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The most characters a YAML rubric may have (the YAML parser's own limit, 3 MiB). */
  static final int MAX_YAML_CODE_POINTS = 3 * 1024 * 1024;

  /**
   * The most values (numbers, strings, lists, objects, ...) a rubric may hold once its aliases are
   * expanded: about what a JSON rubric of the largest allowed size holds.
   */
  static final long MAX_VALUES = 4_000_000;

  private static final Pattern YAML_SPECIAL_FLOAT =
      Pattern.compile("([-+]?)\\.(?:(nan|NaN|NAN)|inf|Inf|INF)");
  private static final Pattern LIMIT_SOURCE = Pattern.compile(",\\s*from `[^`]*`");
  private static final Pattern SOURCE_AT =
      Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

  private final Path file;
  private final JsonNode root;
  private final long rootAt;

  /**
   * For each array, where each item starts; for each object, where each field's name and value
   * start, interleaved ({@code [name0, value0, name1, value1, ...]}, in the fields' order).
   */
  private final Map<JsonNode, long[]> positions = new IdentityHashMap<>();

  /** The values anchored so far, by anchor name, with the number of values each holds. */
  private final Map<String, Anchored> anchors = new HashMap<>();

  private long valueCount;

  private record Anchored(JsonNode node, long values) {}

  private LocatedTree(JsonParser parser, Path file) throws IOException, RubricException {
    this.file = file;
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw error(1, 1, "the rubric file is empty");
    }
    rootAt = pack(parser.currentTokenLocation());
    root = read(parser);
    if (parser.nextToken() != null) {
      JsonLocation at = parser.currentTokenLocation();
      throw error(
          at.getLineNr(), at.getColumnNr(), "unexpected content after the end of the rubric");
    }
  }

  /**
   * Parses {@code text}, as YAML when {@code file} ends in {@code .yaml} or {@code .yml} and as
   * JSON otherwise.
   *
   * @throws RubricException on a syntax error, a duplicate field name, or too many values
   */
  static LocatedTree parse(Path file, String text) throws RubricException {
    boolean yaml = isYaml(file);
    if (yaml && text.codePointCount(0, text.length()) > MAX_YAML_CODE_POINTS) {
      throw new RubricException(
          List.of(
              new RubricError(
                  file,
                  1,
                  1,
                  "the rubric has "
                      + text.codePointCount(0, text.length())
                      + " characters; a YAML rubric may have at most "
                      + MAX_YAML_CODE_POINTS
                      + " (3 MiB): generate tests (generate: {count: ...}) instead of "
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
        message =
            (marked.getContext() == null ? "" : marked.getContext() + ": ") + marked.getProblem();
      }
      // Jackson names the start of an unclosed object as "[Source: REDACTED (`StreamRead...`
      // disabled); line: 2, column: 1]": keep only the place.
      message = SOURCE_AT.matcher(message).replaceAll("line $1, column $2");
      // A parser limit names the Java method it comes from: "(1000, from `StreamRead...()`)".
      message = LIMIT_SOURCE.matcher(message).replaceAll("");
      throw new RubricException(
          List.of(
              new RubricError(
                  file, line, column, (yaml ? "YAML" : "JSON") + " syntax error: " + message)));
    } catch (IOException e) {
      throw new RubricException(
          List.of(new RubricError(file, 1, 1, "cannot read the rubric: " + e.getMessage())));
    }
  }

  /** Whether {@code file} is read as YAML (by its extension). */
  static boolean isYaml(Path file) {
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /** The value at the parser's current token, whose start the caller has recorded. */
  private JsonNode read(JsonParser parser) throws IOException, RubricException {
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      return alias(yaml);
    }
    String anchor = parser.getObjectId() instanceof String name ? name : null;
    long before = valueCount;
    JsonNode node = readValue(parser);
    if (anchor != null) {
      anchors.put(anchor, new Anchored(node, valueCount - before));
    }
    return node;
  }

  private JsonNode readValue(JsonParser parser) throws IOException, RubricException {
    count(1, parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        long[] at = new long[8];
        int n = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonLocation keyAt = parser.currentTokenLocation();
          if (object.has(name)) {
            throw error(keyAt.getLineNr(), keyAt.getColumnNr(), "duplicate field '" + name + "'");
          }
          if ("<<".equals(name) && parser instanceof YAMLParser) {
            throw error(
                keyAt.getLineNr(),
                keyAt.getColumnNr(),
                "YAML merge keys ('<<') are "
                    + "not supported: write the fields out, or put an alias (*name) where a whole "
                    + "value is repeated");
          }
          parser.nextToken();
          if (n + 2 > at.length) {
            at = Arrays.copyOf(at, at.length * 2);
          }
          at[n++] = pack(keyAt);
          at[n++] = pack(parser.currentTokenLocation());
          object.set(name, read(parser));
        }
        positions.put(object, Arrays.copyOf(at, n));
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        long[] at = new long[8];
        int n = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (n == at.length) {
            at = Arrays.copyOf(at, at.length * 2);
          }
          at[n++] = pack(parser.currentTokenLocation());
          array.add(read(parser));
        }
        positions.put(array, Arrays.copyOf(at, n));
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
        throw error(
            where.getLineNr(), where.getColumnNr(), "unsupported value " + parser.getText());
      }
    }
  }

  /** The value an alias stands for: the very node its anchor was put on. */
  private JsonNode alias(YAMLParser parser) throws IOException, RubricException {
    JsonLocation where = parser.currentTokenLocation();
    Anchored anchored = anchors.get(parser.getText());
    if (anchored == null) {
      // Jackson's YAML parser does not report anchors on scalars, so those land here too.
      throw error(
          where.getLineNr(),
          where.getColumnNr(),
          "the alias *"
              + parser.getText()
              + " names no list or object anchored &"
              + parser.getText()
              + " before it (anchors"
              + " work on lists and objects, not on single numbers or strings)");
    }
    count(anchored.values(), where);
    return anchored.node();
  }

  /** Counts {@code values} more values; an error at {@code where} when there are too many. */
  private void count(long values, JsonLocation where) throws RubricException {
    valueCount += values;
    if (valueCount > MAX_VALUES) {
      throw error(
          where.getLineNr(),
          where.getColumnNr(),
          "the rubric holds more than "
              + MAX_VALUES
              + " values (numbers, strings, lists and objects"
              + (anchors.isEmpty() ? "" : ", counting each alias as the value it repeats")
              + "), more than any rubric the grader can hold in memory: generate tests"
              + " (generate: {count: ...}) instead of listing them");
    }
  }

  /**
   * The parser's floating-point value, with YAML's {@code .nan}, {@code .inf} and {@code -.inf} (in
   * any of YAML's spellings), which Jackson's YAML parser tokenises as numbers but cannot convert.
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
    return location(find(pointer, false));
  }

  /** Where the field name that ends {@code pointer} stands; its value's start if not a field. */
  JsonLocation keyAt(JsonPointer pointer) {
    return location(find(pointer, true));
  }

  /**
   * The position of the value at {@code pointer} (of its field name when {@code key} and the last
   * step names a field), or of the deepest value on the way that exists.
   */
  private long find(JsonPointer pointer, boolean key) {
    JsonNode node = root;
    long at = rootAt;
    for (JsonPointer p = pointer; !p.matches(); p = p.tail()) {
      long[] children = positions.get(node);
      int index = -1;
      if (node.isObject()) {
        index = fieldIndex(node, p.getMatchingProperty());
      } else if (node.isArray()) {
        index = p.getMatchingIndex() < node.size() ? p.getMatchingIndex() : -1;
      }
      if (children == null || index < 0) {
        return at;
      }
      boolean last = p.tail().matches();
      if (node.isObject()) {
        at = children[2 * index + (key && last ? 0 : 1)];
        node = node.get(p.getMatchingProperty());
      } else {
        at = children[index];
        node = node.get(index);
      }
    }
    return at;
  }

  private static int fieldIndex(JsonNode object, String name) {
    int i = 0;
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); i++) {
      if (names.next().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static long pack(JsonLocation at) {
    return ((long) Math.max(1, at.getLineNr()) << 32) | Math.max(1, at.getColumnNr());
  }

  private static JsonLocation location(long packed) {
    return new JsonLocation(ContentReference.unknown(), -1, (int) (packed >>> 32), (int) packed);
  }

  private RubricException error(int line, int column, String message) {
    return new RubricException(
        List.of(new RubricError(file, Math.max(1, line), Math.max(1, column), message)));
  }
}
