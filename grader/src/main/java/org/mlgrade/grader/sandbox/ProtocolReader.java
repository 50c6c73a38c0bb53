package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntToLongFunction;
import org.mlgrade.harness.Report;
import org.mlgrade.harness.Wire;

/**
 * Reads a child's standard output: lines that start with this child's secret token are protocol
 * lines ({@code <token> <KIND> <index> <base64 JSON>}), everything else is stray output of the
 * running call. The running call is the one the child announced ready for, then each one after a
 * report of the one before it: the same bookkeeping as the grader's clock, so stray output never
 * falls between calls.
 *
 * <p>A protocol line longer than the running call's report can be ({@code maxLineBytes}: its
 * answer's bound plus its capped prints) is skipped unread and flagged; one that does not parse
 * is dropped; a stray line is never buffered whole, only its first bytes are kept. Memory stays
 * bounded by the largest report the grader accepts, whatever the child writes, and any bytes
 * (invalid UTF-8 included) are accepted.
 */
final class ProtocolReader implements Runnable {

  /** The longest line accepted when no call is running (a {@code READY} or {@code DONE} line). */
  static final int IDLE_LINE_BYTES = 4096;

  /** Line buffers larger than this are dropped after use rather than kept for the next line. */
  private static final int KEPT_BUFFER_BYTES = 64 * 1024;

  private enum Mode { LINE_START, PROTOCOL, STRAY, OVERLONG }

  private final InputStream in;
  private final byte[] prefix;
  private final StrayOutput stray;
  private final BlockingQueue<ChildEvent> events;
  private final IntToLongFunction maxLineBytes;
  private byte[] line = new byte[256];
  private int lineSize;
  private Mode mode = Mode.LINE_START;
  private int matched;
  private int running = -1;

  /**
   * @param maxLineBytes the longest protocol line accepted while call {@code index} runs
   */
  ProtocolReader(InputStream in, String token, StrayOutput stray,
      BlockingQueue<ChildEvent> events, IntToLongFunction maxLineBytes) {
    this.in = in;
    this.prefix = (token + " ").getBytes(StandardCharsets.US_ASCII);
    this.stray = stray;
    this.events = events;
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public void run() {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        consume(buffer, n);
      }
    } catch (IOException e) {
      // The child is gone or was killed: the end of its output either way.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      events.put(new ChildEvent.Ended());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void consume(byte[] buffer, int length) throws InterruptedException {
    int i = 0;
    while (i < length) {
      byte b = buffer[i];
      switch (mode) {
        case LINE_START -> {
          if (b == '\n') {
            if (matched > 0) {
              stray.append(false, prefix, 0, matched);
              stray.append(false, buffer, i, 1);
              matched = 0;
            }
            i++;
          } else if (b == prefix[matched]) {
            matched++;
            i++;
            if (matched == prefix.length) {
              mode = Mode.PROTOCOL;
              matched = 0;
              lineSize = 0;
            }
          } else {
            stray.append(false, prefix, 0, matched);
            matched = 0;
            mode = Mode.STRAY;
          }
        }
        case PROTOCOL -> {
          int end = indexOf(buffer, i, length);
          int stop = end < 0 ? length : end;
          long limit = running < 0 ? IDLE_LINE_BYTES
              : Math.max(IDLE_LINE_BYTES, maxLineBytes.applyAsLong(running));
          if ((long) lineSize + (stop - i) > limit) {
            mode = end >= 0 ? Mode.LINE_START : Mode.OVERLONG;
            releaseLine();
            if (running >= 0) {
              events.put(new ChildEvent.Oversized(running));
            }
          } else {
            append(buffer, i, stop - i);
            if (end >= 0) {
              handle();
              releaseLine();
              mode = Mode.LINE_START;
            }
          }
          i = end < 0 ? length : end + 1;
        }
        case STRAY -> {
          int end = indexOf(buffer, i, length);
          int stop = end < 0 ? length : end + 1;
          stray.append(false, buffer, i, stop - i);
          if (end >= 0) {
            mode = Mode.LINE_START;
          }
          i = stop;
        }
        case OVERLONG -> {
          int end = indexOf(buffer, i, length);
          if (end >= 0) {
            mode = Mode.LINE_START;
          }
          i = end < 0 ? length : end + 1;
        }
      }
    }
  }

  private void append(byte[] bytes, int offset, int length) {
    if (lineSize + length > line.length) {
      line = Arrays.copyOf(line, Math.max(lineSize + length, line.length * 2));
    }
    System.arraycopy(bytes, offset, line, lineSize, length);
    lineSize += length;
  }

  /** Forgets the line; a large buffer goes with it, so a huge report is not held on to. */
  private void releaseLine() {
    lineSize = 0;
    if (line.length > KEPT_BUFFER_BYTES) {
      line = new byte[256];
    }
  }

  private static int indexOf(byte[] buffer, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void handle() throws InterruptedException {
    Optional<ChildEvent> event = parse(line, lineSize);
    if (event.isEmpty()) {
      return;
    }
    ChildEvent parsed = event.get();
    if (parsed instanceof ChildEvent.Ready ready) {
      if (running >= 0) {
        return;
      }
      running = ready.index();
      stray.begin(running);
    } else if (parsed instanceof ChildEvent.Reported r) {
      if (r.index() != running) {
        return;
      }
      parsed = new ChildEvent.Reported(r.index(), r.report(), stray.end(r.index()));
      running = r.index() + 1;
      stray.begin(running);
    } else if (parsed instanceof ChildEvent.Flooded f) {
      if (f.index() != running) {
        return;
      }
      parsed = new ChildEvent.Flooded(f.index(), f.report(), stray.end(f.index()));
      running = -1;
    }
    events.put(parsed);
  }

  /** The event a protocol line (after the token) stands for, or empty for a malformed line. */
  static Optional<ChildEvent> parse(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return parse(bytes, bytes.length);
  }

  /** {@link #parse(String)} of the first {@code length} bytes of {@code bytes}, without copies. */
  static Optional<ChildEvent> parse(byte[] bytes, int length) {
    int first = indexOf(bytes, 0, length, (byte) ' ');
    int second = first < 0 ? -1 : indexOf(bytes, first + 1, length, (byte) ' ');
    if (second < 0 || indexOf(bytes, second + 1, length, (byte) ' ') >= 0) {
      return Optional.empty();
    }
    String kind = new String(bytes, 0, first, StandardCharsets.ISO_8859_1);
    int index;
    try {
      index = Integer.parseInt(new String(bytes, first + 1, second - first - 1,
          StandardCharsets.ISO_8859_1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    int payload = second + 1;
    int payloadLength = length - payload;
    switch (kind) {
      case "READY":
        return index >= 0 && payloadLength == 0 ? Optional.of(new ChildEvent.Ready(index))
            : Optional.empty();
      case "DONE":
        return Optional.of(new ChildEvent.Done());
      case "RESULT":
      case "FLOOD":
        Optional<Report> report = report(bytes, payload, payloadLength);
        if (report.isEmpty() || index < 0) {
          return Optional.empty();
        }
        return Optional.of(kind.equals("RESULT")
            ? new ChildEvent.Reported(index, report.get(), StrayOutput.Captured.NONE)
            : new ChildEvent.Flooded(index, report.get(), StrayOutput.Captured.NONE));
      default:
        return Optional.empty();
    }
  }

  private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static Optional<Report> report(byte[] bytes, int offset, int length) {
    try {
      ByteBuffer json = Base64.getDecoder().decode(ByteBuffer.wrap(bytes, offset, length));
      Report report = Wire.MAPPER.readValue(json.array(), json.arrayOffset() + json.position(),
          json.remaining(), Report.class);
      return report.status() == null ? Optional.empty() : Optional.of(report);
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }
}
