package org.mlgrade.harness;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where {@code System.out} or {@code System.err} goes while student code runs: keeps the first
 * {@code limit} bytes of the current call and tells the harness, once per call, when more came.
 * Shared by every thread of the child, so all methods are synchronized.
 */
final class Capture extends OutputStream {

  /** Told (outside the capture's lock) that the current call printed past the limit. */
  interface FloodListener {
    void flooded();
  }

  private final int limit;
  private final FloodListener listener;
  private byte[] kept = new byte[256];
  private int size;
  private boolean flooded;
  private boolean open;

  Capture(int limit, FloodListener listener) {
    this.limit = limit;
    this.listener = listener;
  }

  /** Starts a new call: drops what earlier calls (or threads between calls) printed. */
  synchronized void begin() {
    kept = new byte[256];
    size = 0;
    flooded = false;
    open = true;
  }

  /** Ends the current call and returns what it printed, up to the limit. */
  synchronized String end() {
    open = false;
    return text();
  }

  /** What the current call printed so far, up to the limit. */
  synchronized String text() {
    return new String(kept, 0, size, StandardCharsets.UTF_8);
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    boolean tell;
    synchronized (this) {
      int room = limit - size;
      int take = Math.min(room, len);
      if (take > 0) {
        if (size + take > kept.length) {
          kept = Arrays.copyOf(kept, Math.min(limit, Math.max(kept.length * 2, size + take)));
        }
        System.arraycopy(b, off, kept, size, take);
        size += take;
      }
      tell = len > room && open && !flooded;
      if (len > room) {
        flooded = true;
      }
    }
    if (tell) {
      listener.flooded();
    }
  }
}
