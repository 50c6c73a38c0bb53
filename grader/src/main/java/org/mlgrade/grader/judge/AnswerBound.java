package org.mlgrade.grader.judge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.mlgrade.harness.Wire;

/**
 * The longest encoded answer a test accepts, derived from its expected answer: what an answer of
 * the same shape can take in the wire format when every number is written at full length, twice
 * over, plus 64 KiB. A correct answer, or a wrong one of the right shape, always fits; an answer
 * past it (a 3.4-million-element array where the test expects ten numbers) is reported as too
 * large without ever being held by the grader.
 */
final class AnswerBound {

  /** What every answer may take beyond twice its widest same-shaped form. */
  static final int MARGIN_CHARS = 64 * 1024;

  /** The longest JSON number: {@code -2.2250738585072014E-308}. */
  private static final int NUMBER_CHARS = 24;

  private AnswerBound() {}

  /** The bound for a test whose expected answer is {@code expected}, in characters of JSON. */
  static int of(Object expected) {
    long widest = widest(Wire.MAPPER.valueToTree(expected));
    return (int) Math.min(Integer.MAX_VALUE - 8, 2 * widest + MARGIN_CHARS);
  }

  /**
   * Characters of {@code node} in JSON with every number at its longest and every string
   * character escaped as {@code \u0000}.
   */
  private static long widest(JsonNode node) {
    if (node.isNumber()) {
      return NUMBER_CHARS;
    }
    if (node.isTextual()) {
      return 2 + 6L * node.textValue().length();
    }
    if (node.isArray()) {
      long size = 2;
      for (JsonNode element : node) {
        size += widest(element) + 1;
      }
      return size;
    }
    if (node.isObject()) {
      long size = 2;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        size += 2 + 6L * field.getKey().length() + 1 + widest(field.getValue()) + 1;
      }
      return size;
    }
    return 5; // true, false, null
  }
}
