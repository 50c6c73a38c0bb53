package org.mlgrade.harness;

import java.io.IOException;

/**
 * JSON text kept up to a number of characters: past it, every write fails with {@link Overflow}, so
 * that encoding a value that is too large (or endless) stops early instead of building the whole
 * text. Numbers are written as {@link Wire} writes them: {@link Double#toString} and the bare
 * tokens {@code NaN}, {@code Infinity} and {@code -Infinity}. Strings are escaped as JSON requires;
 * a lone surrogate (which UTF-8 cannot carry) is written as a JSON unicode escape (a backslash, a
 * {@code u} and four hex digits), so any Java string can be written.
 *
 * <p>The writer does not place commas and colons itself: its callers write JSON's punctuation with
 * {@link #raw(char)}.
 */
public final class JsonWriter {

  /** Thrown by a write past the limit, or by a value nested past {@link #MAX_DEPTH}. */
  public static final class Overflow extends IOException {
    Overflow(String message) {
      super(message);
    }
  }

  /**
   * The deepest nesting of arrays and objects written: a deeper value is an {@link Overflow}. The
   * API's answers nest at most six levels (a record of a list of records, a record of a 4-D array);
   * 200 levels of the recursive encoder fit in the smallest stack the sandbox allows (256 KiB),
   * interpreted, where a list that holds itself would otherwise overflow it.
   */
  public static final int MAX_DEPTH = 200;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final int limit;
  private final StringBuilder text;
  private int depth;

  /** A writer that keeps at most {@code limit} characters. */
  JsonWriter(int limit) {
    this.limit = limit;
    this.text = new StringBuilder(Math.min(limit, 256));
  }

  /** Writes one character of JSON's punctuation: a bracket, a comma or a colon. */
  void raw(char c) throws Overflow {
    text.append(c);
    check();
  }

  /** Opens an array or an object ({@code open} is {@code [} or <code>{</code>). */
  void open(char open) throws Overflow {
    if (++depth > MAX_DEPTH) {
      throw new Overflow(
          "the value nests more than "
              + MAX_DEPTH
              + " arrays or objects deep"
              + " (does a list contain itself?)");
    }
    raw(open);
  }

  /** Closes an array or an object ({@code close} is {@code ]} or <code>}</code>). */
  void close(char close) throws Overflow {
    depth--;
    raw(close);
  }

  /** Writes {@code JSON} as it is: a value already encoded. */
  void json(String json) throws Overflow {
    ensure(json.length());
    text.append(json);
  }

  /** Writes {@code null}. */
  void nullValue() throws Overflow {
    text.append("null");
    check();
  }

  /** Writes {@code true} or {@code false}. */
  void bool(boolean value) throws Overflow {
    text.append(value);
    check();
  }

  /** Writes a whole number. */
  void number(long value) throws Overflow {
    text.append(value);
    check();
  }

  /** Writes a double as {@link Double#toString} does, NaN and the infinities as bare tokens. */
  void number(double value) throws Overflow {
    // StringBuilder.append(double) writes what Double.toString does: "NaN", "Infinity" included.
    text.append(value);
    check();
  }

  /** Writes a float as {@link Float#toString} does, NaN and the infinities as bare tokens. */
  void number(float value) throws Overflow {
    text.append(value);
    check();
  }

  /** Writes a string, or {@code null}. */
  void string(String value) throws Overflow {
    if (value == null) {
      nullValue();
      return;
    }
    int length = value.length();
    ensure(length + 2);
    text.append('"');
    int run = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++; // a whole pair: UTF-8 carries it as it is
        continue;
      }
      text.append(value, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        case '\b' -> text.append("\\b");
        case '\f' -> text.append("\\f");
        default ->
            text.append("\\u")
                .append(HEX[c >> 12])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
      }
      check();
    }
    text.append(value, run, length);
    text.append('"');
    check();
  }

  /** Fails before {@code more} characters are appended past the limit. */
  private void ensure(int more) throws Overflow {
    if (more > limit - text.length()) {
      throw tooLong();
    }
  }

  private void check() throws Overflow {
    if (text.length() > limit) {
      throw tooLong();
    }
  }

  private Overflow tooLong() {
    return new Overflow("more than " + limit + " characters of JSON");
  }

  /** What was written. */
  @Override
  public String toString() {
    return text.toString();
  }
}
