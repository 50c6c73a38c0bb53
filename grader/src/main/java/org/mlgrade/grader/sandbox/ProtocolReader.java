package org.mlgrade.grader.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import org.mlgrade.harness.Report;
import org.mlgrade.harness.Wire;

/**
 * Reads a child's standard output: lines that start with this child's secret token are protocol
 * lines ({@code <token> <KIND> <index> <base64 JSON>}), everything else is stray output of the
 * current call. A protocol line longer than {@link #MAX_LINE_BYTES}, or one that does not parse,
 * is dropped; a stray line is never buffered whole, only its first bytes are kept. Memory stays
 * bounded whatever the child writes, and any bytes (invalid UTF-8 included) are accepted.
 */
final class ProtocolReader implements Runnable {

  /** The longest protocol line accepted (a report with a large return value). */
  static final int MAX_LINE_BYTES = 32 * 1024 * 1024;

  private enum Mode { LINE_START, PROTOCOL, STRAY, OVERLONG }

  private final InputStream in;
  private final byte[] prefix;
  private final StrayOutput stray;
  private final BlockingQueue<ChildEvent> events;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private Mode mode = Mode.LINE_START;
  private int matched;

  ProtocolReader(InputStream in, String token, StrayOutput stray,
      BlockingQueue<ChildEvent> events) {
    this.in = in;
    this.prefix = (token + " ").getBytes(StandardCharsets.US_ASCII);
    this.stray = stray;
    this.events = events;
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
              line.reset();
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
          if (line.size() + (stop - i) > MAX_LINE_BYTES) {
            mode = Mode.OVERLONG;
            line.reset();
          } else {
            line.write(buffer, i, stop - i);
            if (end >= 0) {
              handle(line.toString(StandardCharsets.US_ASCII));
              line.reset();
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

  private static int indexOf(byte[] buffer, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void handle(String text) throws InterruptedException {
    Optional<ChildEvent> event = parse(text);
    if (event.isEmpty()) {
      return;
    }
    ChildEvent parsed = event.get();
    if (parsed instanceof ChildEvent.Started started) {
      stray.begin(started.index());
    } else if (parsed instanceof ChildEvent.Reported r) {
      parsed = new ChildEvent.Reported(r.index(), r.report(), stray.end(r.index()));
    } else if (parsed instanceof ChildEvent.Flooded f) {
      parsed = new ChildEvent.Flooded(f.index(), f.report(), stray.end(f.index()));
    }
    events.put(parsed);
  }

  /** The event a protocol line (after the token) stands for, or empty for a malformed line. */
  static Optional<ChildEvent> parse(String text) {
    String[] parts = text.split(" ", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    int index;
    try {
      index = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    switch (parts[0]) {
      case "START":
        return index >= 0 && parts[2].isEmpty() ? Optional.of(new ChildEvent.Started(index))
            : Optional.empty();
      case "DONE":
        return Optional.of(new ChildEvent.Done());
      case "RESULT":
      case "FLOOD":
        Optional<Report> report = report(parts[2]);
        if (report.isEmpty() || index < 0) {
          return Optional.empty();
        }
        return Optional.of(parts[0].equals("RESULT")
            ? new ChildEvent.Reported(index, report.get(), StrayOutput.Captured.NONE)
            : new ChildEvent.Flooded(index, report.get(), StrayOutput.Captured.NONE));
      default:
        return Optional.empty();
    }
  }

  private static final ObjectMapper MAPPER = Wire.MAPPER;

  private static Optional<Report> report(String base64) {
    try {
      byte[] json = Base64.getDecoder().decode(base64);
      Report report = MAPPER.readValue(json, Report.class);
      return report.status() == null ? Optional.empty() : Optional.of(report);
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }
}
