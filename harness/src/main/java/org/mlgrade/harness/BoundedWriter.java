package org.mlgrade.harness;

import java.io.IOException;
import java.io.Writer;

/**
 * Text kept up to a number of characters: past it, every write fails, so that encoding a value
 * that is too large stops early instead of building the whole text.
 */
final class BoundedWriter extends Writer {

  /** Thrown by a write past the limit. */
  static final class Overflow extends IOException {
    Overflow(int limit) {
      super("more than " + limit + " characters");
    }
  }

  private final int limit;
  private final StringBuilder text = new StringBuilder();
  private boolean overflowed;

  BoundedWriter(int limit) {
    this.limit = limit;
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    if (overflowed || length > limit - text.length()) {
      overflowed = true;
      throw new Overflow(limit);
    }
    text.append(chars, offset, length);
  }

  @Override
  public void write(String string, int offset, int length) throws IOException {
    if (overflowed || length > limit - text.length()) {
      overflowed = true;
      throw new Overflow(limit);
    }
    text.append(string, offset, offset + length);
  }

  /** Whether something was written past the limit. */
  boolean overflowed() {
    return overflowed;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  /** What was written, when it did not overflow. */
  @Override
  public String toString() {
    return text.toString();
  }
}
