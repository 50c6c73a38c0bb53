package org.mlgrade.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over JSON in UTF-8 bytes, token by token, with no tree and no lookahead buffer: what the
 * child needs to read the grader's request and its inputs ({@link ValueDecoder}). Beside standard
 * JSON it reads {@code NaN}, {@code Infinity} and {@code -Infinity} as numbers, as {@link Wire}
 * writes them. Every error is an {@link IOException} that names the byte offset.
 */
final class JsonReader {

  /** Powers of ten a double holds exactly (10^22 is the largest). */
  private static final double[] EXACT_POWERS = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private final byte[] bytes;
  private final int end;
  private int pos;

  /** A reader of {@code length} bytes of {@code bytes} from {@code offset}. */
  JsonReader(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.pos = offset;
    this.end = offset + length;
  }

  /** The offset of the next unread byte, whitespace included. */
  int position() {
    return pos;
  }

  /** Skips whitespace; the next byte (0 to 255), or -1 at the end. */
  int peek() {
    while (pos < end) {
      byte b = bytes[pos];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return b & 0xff;
      }
      pos++;
    }
    return -1;
  }

  /** Reads {@code c} (a bracket, a comma or a colon) after any whitespace. */
  void expect(char c) throws IOException {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  /** Reads {@code close} if it comes next: an empty array or object ends there. */
  boolean empty(char close) {
    if (peek() == close) {
      pos++;
      return true;
    }
    return false;
  }

  /**
   * After an element: true and past the comma when another element follows, false and past {@code
   * close} when the array or object ends.
   */
  boolean more(char close) throws IOException {
    int next = peek();
    if (next == ',') {
      pos++;
      return true;
    }
    if (next == close) {
      pos++;
      return false;
    }
    throw error("expected ',' or '" + close + "'");
  }

  /** Reads a field name and its colon. */
  String name() throws IOException {
    String name = string();
    expect(':');
    return name;
  }

  /** Reads {@code null} if it comes next. */
  boolean nullLiteral() throws IOException {
    if (peek() == 'n') {
      literal("null");
      return true;
    }
    return false;
  }

  /** Reads {@code true} or {@code false}. */
  boolean bool() throws IOException {
    int next = peek();
    if (next == 't') {
      literal("true");
      return true;
    }
    if (next == 'f') {
      literal("false");
      return false;
    }
    throw error("expected true or false");
  }

  /** Reads a string. */
  String string() throws IOException {
    if (peek() != '"') {
      throw error("expected a string");
    }
    int start = ++pos;
    boolean ascii = true;
    while (pos < end) {
      byte b = bytes[pos];
      if (b == '"') {
        String text =
            new String(
                bytes,
                start,
                pos - start,
                ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        pos++;
        return text;
      }
      if (b == '\\') {
        return escapedString(start);
      }
      if (b >= 0 && b < 0x20) {
        throw error("a control character in a string");
      }
      ascii &= b >= 0;
      pos++;
    }
    throw error("a string without its closing quote");
  }

  /** The rest of a string that holds an escape; {@code pos} is at the first backslash. */
  private String escapedString(int start) throws IOException {
    StringBuilder text = new StringBuilder();
    int run = start;
    while (pos < end) {
      byte b = bytes[pos];
      if (b == '"' || b == '\\') {
        // Escapes and quotes are ASCII, so a run between them holds whole UTF-8 characters.
        text.append(new String(bytes, run, pos - run, StandardCharsets.UTF_8));
        pos++;
        if (b == '"') {
          return text.toString();
        }
        if (pos >= end) {
          break;
        }
        byte escaped = bytes[pos++];
        switch (escaped) {
          case '"' -> text.append('"');
          case '\\' -> text.append('\\');
          case '/' -> text.append('/');
          case 'b' -> text.append('\b');
          case 'f' -> text.append('\f');
          case 'n' -> text.append('\n');
          case 'r' -> text.append('\r');
          case 't' -> text.append('\t');
          case 'u' -> text.append(hex4());
          default -> {
            pos--;
            throw error("an unknown escape in a string");
          }
        }
        run = pos;
      } else if (b >= 0 && b < 0x20) {
        throw error("a control character in a string");
      } else {
        pos++;
      }
    }
    throw error("a string without its closing quote");
  }

  private char hex4() throws IOException {
    if (end - pos < 4) {
      throw error("a \\u escape cut short");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(bytes[pos], 16);
      if (digit < 0) {
        throw error("a \\u escape with a non-hex digit");
      }
      value = value * 16 + digit;
      pos++;
    }
    return (char) value;
  }

  /**
   * Reads a number as a double: any JSON number (rounded to nearest as {@link Double#parseDouble}
   * does), {@code NaN}, {@code Infinity} or {@code -Infinity}.
   */
  double number() throws IOException {
    int next = peek();
    if (next == 'N') {
      literal("NaN");
      return Double.NaN;
    }
    if (next == 'I') {
      literal("Infinity");
      return Double.POSITIVE_INFINITY;
    }
    if (next == '-' && pos + 1 < end && bytes[pos + 1] == 'I') {
      pos++;
      literal("Infinity");
      return Double.NEGATIVE_INFINITY;
    }
    int start = pos;
    boolean negative = scanSign();
    long digits = 0; // the first 18 significant digits
    int kept = 0;
    boolean dropped = false; // a nonzero digit past the 18th
    int exponent = 0;
    int integerStart = pos;
    while (pos < end && isDigit(bytes[pos])) {
      int digit = bytes[pos++] - '0';
      if (kept < 18) {
        digits = digits * 10 + digit;
        kept += digits == 0 ? 0 : 1;
      } else {
        exponent++;
        dropped |= digit != 0;
      }
    }
    checkIntegerPart(integerStart);
    if (pos < end && bytes[pos] == '.') {
      pos++;
      int fractionStart = pos;
      while (pos < end && isDigit(bytes[pos])) {
        int digit = bytes[pos++] - '0';
        if (kept < 18) {
          digits = digits * 10 + digit;
          kept += digits == 0 ? 0 : 1;
          exponent--;
        } else {
          dropped |= digit != 0;
        }
      }
      if (pos == fractionStart) {
        throw error("a number without digits after its point");
      }
    }
    if (pos < end && (bytes[pos] == 'e' || bytes[pos] == 'E')) {
      pos++;
      boolean negativeExponent = false;
      if (pos < end && (bytes[pos] == '+' || bytes[pos] == '-')) {
        negativeExponent = bytes[pos] == '-';
        pos++;
      }
      int exponentStart = pos;
      int written = 0;
      while (pos < end && isDigit(bytes[pos])) {
        written = Math.min(written * 10 + (bytes[pos] - '0'), 100_000);
        pos++;
      }
      if (pos == exponentStart) {
        throw error("a number without digits in its exponent");
      }
      exponent += negativeExponent ? -written : written;
    }
    // Clinger's fast path: an integer of at most 2^53 times or divided by an exact power of ten
    // is rounded once, so the result is the correctly rounded double. Else long arithmetic, for
    // up to 18 digits, and else the JDK parses.
    if (!dropped && digits <= (1L << 53) && Math.abs(exponent) <= 22) {
      double value = digits;
      value = exponent < 0 ? value / EXACT_POWERS[-exponent] : value * EXACT_POWERS[exponent];
      return negative ? -value : value;
    }
    if (!dropped && Math.abs(exponent) <= DecimalToDouble.MAX_EXPONENT) {
      double value = DecimalToDouble.value(digits, exponent);
      return negative ? -value : value;
    }
    return Double.parseDouble(new String(bytes, start, pos - start, StandardCharsets.ISO_8859_1));
  }

  /**
   * Reads an integer: a JSON number without a fraction or an exponent ({@code 1.0} and {@code 1e2}
   * are not integers), from {@link Long#MIN_VALUE} to {@link Long#MAX_VALUE}.
   */
  long integer() throws IOException {
    peek();
    int start = pos;
    boolean negative = scanSign();
    int integerStart = pos;
    long value = 0; // negated as it grows, so that Long.MIN_VALUE fits
    boolean overflow = false;
    while (pos < end && isDigit(bytes[pos])) {
      int digit = bytes[pos] - '0';
      if (value < (Long.MIN_VALUE + digit) / 10) {
        overflow = true;
      }
      value = value * 10 - digit;
      pos++;
    }
    checkIntegerPart(integerStart);
    if (pos < end && (bytes[pos] == '.' || bytes[pos] == 'e' || bytes[pos] == 'E')) {
      pos = start;
      throw error("expected an integer, found a number with a fraction or an exponent");
    }
    if (overflow || (!negative && value == Long.MIN_VALUE)) {
      pos = start;
      throw error("an integer out of the range of a long");
    }
    return negative ? value : -value;
  }

  private boolean scanSign() {
    if (pos < end && bytes[pos] == '-') {
      pos++;
      return true;
    }
    return false;
  }

  /** An integer part is {@code 0} or digits without a leading zero, as JSON says. */
  private void checkIntegerPart(int start) throws IOException {
    if (pos == start) {
      pos = start;
      throw error("expected a number");
    }
    if (bytes[start] == '0' && pos - start > 1) {
      pos = start;
      throw error("a number with a leading zero");
    }
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** Skips one value of any kind, checking only that its brackets and strings close. */
  void skipValue() throws IOException {
    int next = peek();
    if (next == '"') {
      skipString();
      return;
    }
    if (next != '[' && next != '{') {
      int start = pos;
      while (pos < end && isScalarByte(bytes[pos])) {
        pos++;
      }
      if (pos == start) {
        throw error("expected a value");
      }
      return;
    }
    int depth = 0;
    while (pos < end) {
      byte b = bytes[pos];
      if (b == '"') {
        skipString();
        continue;
      }
      if (b == '[' || b == '{') {
        depth++;
      } else if (b == ']' || b == '}') {
        depth--;
        if (depth == 0) {
          pos++;
          return;
        }
      }
      pos++;
    }
    throw error("an array or object without its closing bracket");
  }

  private void skipString() throws IOException {
    pos++;
    while (pos < end) {
      byte b = bytes[pos++];
      if (b == '\\') {
        pos++;
      } else if (b == '"') {
        return;
      }
    }
    throw error("a string without its closing quote");
  }

  private static boolean isScalarByte(byte b) {
    return (b >= '0' && b <= '9')
        || (b >= 'a' && b <= 'z')
        || (b >= 'A' && b <= 'Z')
        || b == '-'
        || b == '+'
        || b == '.';
  }

  /** Checks that nothing but whitespace follows. */
  void end() throws IOException {
    if (peek() != -1) {
      throw error("unexpected content after the value");
    }
  }

  private void literal(String word) throws IOException {
    int length = word.length();
    if (end - pos < length) {
      throw error("expected " + word);
    }
    for (int i = 0; i < length; i++) {
      if (bytes[pos + i] != word.charAt(i)) {
        throw error("expected " + word);
      }
    }
    pos += length;
    if (pos < end && isScalarByte(bytes[pos])) {
      pos -= length;
      throw error("expected " + word);
    }
  }

  /** An error at the current offset, showing what is there. */
  IOException error(String what) {
    String found;
    if (pos >= end) {
      found = "the end of the JSON";
    } else {
      int to = Math.min(end, pos + 20);
      found = "'" + new String(bytes, pos, to - pos, StandardCharsets.UTF_8) + "'";
    }
    return new IOException(what + " at byte " + pos + ", found " + found);
  }
}
