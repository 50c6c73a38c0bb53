package org.mlgrade.grader.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Schema (draft 2020-12) validator for exactly the keywords the rubric schema uses, so
 * that the example rubrics can be checked against it without a new dependency. A keyword it does
 * not know is an error, never silently ignored: the schema cannot start using one unchecked.
 */
final class SchemaSubset {

  private static final Set<String> ANNOTATIONS =
      Set.of("$schema", "$id", "title", "description", "default", "$defs");
  private static final Set<String> ASSERTIONS = Set.of("type", "properties", "required",
      "additionalProperties", "enum", "minimum", "exclusiveMinimum", "maximum", "minLength",
      "minItems", "uniqueItems", "items", "oneOf", "$ref");

  private final JsonNode root;

  SchemaSubset(JsonNode root) {
    this.root = root;
  }

  /** The violations of {@code instance}, as {@code pointer: problem}; empty when it is valid. */
  List<String> validate(JsonNode instance) {
    List<String> problems = new ArrayList<>();
    check(root, instance, "", problems);
    return problems;
  }

  private void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String keyword = it.next();
      if (!ANNOTATIONS.contains(keyword) && !ASSERTIONS.contains(keyword)) {
        throw new IllegalArgumentException("keyword '" + keyword + "' is not supported");
      }
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new IllegalArgumentException("only local $ref are supported: " + ref);
      }
      JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) {
        throw new IllegalArgumentException("dangling $ref " + ref);
      }
      check(target, value, at, problems);
    }
    if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
      problems.add(at + ": not of type " + schema.get("type").asText());
      return;
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      problems.add(at + ": " + value + " not in " + schema.get("enum"));
    }
    if (value.isNumber()) {
      double x = value.doubleValue();
      if (schema.has("minimum") && x < schema.get("minimum").doubleValue()) {
        problems.add(at + ": " + x + " below minimum");
      }
      if (schema.has("exclusiveMinimum") && x <= schema.get("exclusiveMinimum").doubleValue()) {
        problems.add(at + ": " + x + " not above exclusiveMinimum");
      }
      if (schema.has("maximum") && x > schema.get("maximum").doubleValue()) {
        problems.add(at + ": " + x + " above maximum");
      }
    }
    if (value.isTextual() && schema.has("minLength")
        && value.asText().codePointCount(0, value.asText().length())
            < schema.get("minLength").asInt()) {
      problems.add(at + ": string too short");
    }
    if (value.isArray()) {
      if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
        problems.add(at + ": too few items");
      }
      if (schema.path("uniqueItems").asBoolean(false)) {
        Set<JsonNode> seen = new HashSet<>();
        for (JsonNode item : value) {
          if (!seen.add(item)) {
            problems.add(at + ": duplicate item " + item);
          }
        }
      }
      if (schema.has("items")) {
        for (int i = 0; i < value.size(); i++) {
          check(schema.get("items"), value.get(i), at + "/" + i, problems);
        }
      }
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      for (JsonNode name : schema.path("required")) {
        if (!value.has(name.asText())) {
          problems.add(at + ": missing required property " + name.asText());
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (properties.has(field.getKey())) {
          check(properties.get(field.getKey()), field.getValue(), at + "/" + field.getKey(),
              problems);
        } else if (schema.has("additionalProperties")
            && !schema.get("additionalProperties").asBoolean(true)) {
          problems.add(at + ": additional property " + field.getKey());
        }
      }
    }
    if (schema.has("oneOf")) {
      int matches = 0;
      for (JsonNode option : schema.get("oneOf")) {
        List<String> optionProblems = new ArrayList<>();
        check(option, value, at, optionProblems);
        matches += optionProblems.isEmpty() ? 1 : 0;
      }
      if (matches != 1) {
        problems.add(at + ": matches " + matches + " of the oneOf schemas, not exactly 1");
      }
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "number" -> value.isNumber();
      case "integer" -> value.isIntegralNumber()
          || (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue()));
      case "boolean" -> value.isBoolean();
      case "null" -> value.isNull();
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  private static boolean contains(JsonNode options, JsonNode value) {
    for (JsonNode option : options) {
      if (option.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
