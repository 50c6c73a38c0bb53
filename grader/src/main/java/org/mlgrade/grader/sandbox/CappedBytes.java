package org.mlgrade.grader.sandbox;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Bytes kept up to a limit, counting those dropped: the parent's bounded buffer for a child's
 * output. Not thread-safe.
 */
final class CappedBytes {

  private final int limit;
  private byte[] kept = new byte[0];
  private int size;
  private long seen;

  CappedBytes(int limit) {
    this.limit = limit;
  }

  void append(byte[] bytes, int offset, int length) {
    seen += length;
    int take = Math.min(length, limit - size);
    if (take <= 0) {
      return;
    }
    if (size + take > kept.length) {
      kept = Arrays.copyOf(kept, Math.min(limit, Math.max(size + take, kept.length * 2 + 64)));
    }
    System.arraycopy(bytes, offset, kept, size, take);
    size += take;
  }

  /** Whether more bytes came than the limit keeps. */
  boolean overflowed() {
    return seen > limit;
  }

  /** The kept bytes as text; invalid UTF-8 becomes U+FFFD. */
  String text() {
    return decode(kept, size);
  }

  /** {@code text}, cut to at most {@code maxBytes} bytes of UTF-8 (never mid-character). */
  static String truncate(String text, int maxBytes) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxBytes) {
      return text;
    }
    int end = maxBytes;
    while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  private static String decode(byte[] bytes, int length) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, length));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder cannot fail", e);
    }
  }
}
