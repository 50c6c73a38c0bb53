package org.mlgrade.grader.sandbox;

import java.util.concurrent.BlockingQueue;

/**
 * What a child wrote to its process's standard output (outside protocol lines) and standard
 * error, for the call running at the time: bypassing {@code System.out}, e.g. through {@code
 * FileDescriptor.out}, or printed by the JVM itself. Bounded per call; past the limit the call is
 * flooded. Output between calls is dropped, except a small tail kept to explain a child that
 * failed to start.
 */
final class StrayOutput {

  /** What one call wrote around the harness. */
  record Captured(String stdout, String stderr) {
    static final Captured NONE = new Captured("", "");
  }

  private static final int DIAGNOSTIC_BYTES = 4096;

  private final int limit;
  private final BlockingQueue<ChildEvent> events;
  private int current = -1;
  private CappedBytes out;
  private CappedBytes err;
  private boolean floodPosted;
  private final CappedBytes diagnostics = new CappedBytes(DIAGNOSTIC_BYTES);

  StrayOutput(int limit, BlockingQueue<ChildEvent> events) {
    this.limit = limit;
    this.events = events;
  }

  synchronized void begin(int index) {
    current = index;
    out = new CappedBytes(limit);
    err = new CappedBytes(limit);
    floodPosted = false;
  }

  /** Ends call {@code index} and returns what it wrote; empty if it is not the current call. */
  synchronized Captured end(int index) {
    if (index != current) {
      return new Captured("", "");
    }
    current = -1;
    return new Captured(out.text(), err.text());
  }

  /** What the current call wrote so far (for a call that is being stopped). */
  synchronized Captured peek(int index) {
    return index == current ? new Captured(out.text(), err.text()) : new Captured("", "");
  }

  synchronized void append(boolean stderr, byte[] bytes, int offset, int length) {
    if (current < 0) {
      if (stderr) {
        diagnostics.append(bytes, offset, length);
      }
      return;
    }
    CappedBytes target = stderr ? err : out;
    target.append(bytes, offset, length);
    if (target.overflowed() && !floodPosted) {
      floodPosted = true;
      events.offer(new ChildEvent.RawFlood(current));
    }
  }

  /** The first bytes the child wrote to standard error outside calls. */
  synchronized String diagnostics() {
    return diagnostics.text();
  }
}
