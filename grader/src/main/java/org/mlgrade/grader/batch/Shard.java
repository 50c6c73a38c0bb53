package org.mlgrade.grader.batch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One of {@code count} disjoint parts of a class, numbered from 1, chosen by a stable hash of the
 * student id: the first 8 bytes of SHA-256 of the id's UTF-8 bytes, as an unsigned number,
 * modulo {@code count}. The same id lands in the same shard on every machine and JVM, whatever
 * else is in the class.
 *
 * @param index which part, 1 to {@code count}
 * @param count how many parts
 */
public record Shard(int index, int count) {

  /** The whole class. */
  public static final Shard ALL = new Shard(1, 1);

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("a shard is I/N with 1 <= I <= N, not " + index + "/"
          + count);
    }
  }

  /**
   * Reads {@code I/N}, e.g. {@code 2/8}.
   *
   * @throws IllegalArgumentException when {@code text} is not of that form
   */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("a shard is I/N, e.g. 1/4, not '" + text + "'");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a shard is I/N, e.g. 1/4, not '" + text + "'", e);
    }
  }

  /** Whether the student {@code id} belongs to this shard. */
  public boolean contains(String id) {
    return indexOf(id, count) == index;
  }

  /** The shard (1 to {@code count}) that {@code id} belongs to. */
  static int indexOf(String id, int count) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(id.getBytes(StandardCharsets.UTF_8));
      long head = ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
      return (int) Long.remainderUnsigned(head, count) + 1;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
