package org.mlgrade.harness;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The child's side of the protocol: one line per event on the process's standard output, {@code
 * "\n<token> <KIND> <index> <base64 of UTF-8 JSON>\n"}.
 *
 * <p>The token is a per-child secret that the grader wrote into the request file, which the child
 * deleted before any student code ran, so a line printed by student code (through {@code
 * System.out}, which is captured anyway, or straight to {@link FileDescriptor#out}) does not carry
 * it. The leading newline makes a protocol line start a line of its own even after a student's
 * unterminated write. Each line is written with one {@code write} call.
 */
final class Channel {

  /** The kinds of line; the grader's parser knows the same names. */
  enum Kind {
    /**
     * The child is ready and will run call {@code index} and the calls after it, back to back; sent
     * once, before any student code is loaded. The grader's clock for {@code index} starts when it
     * reads this line, and for every next call when it reads the previous call's result.
     */
    READY,
    /** The call ended; the payload is a {@link Report}. */
    RESULT,
    /** The call printed too much; the payload is a {@link Report} with the capped output. */
    FLOOD,
    /** Every call has been reported. */
    DONE
  }

  private final String token;
  private final OutputStream out;

  Channel(String token) {
    this.token = token;
    this.out = new FileOutputStream(FileDescriptor.out);
  }

  /** Sends one line; a child that cannot talk to the grader any more stops at once. */
  synchronized void send(Kind kind, int index, Report report) {
    String payload = "";
    if (report != null) {
      try {
        payload = Base64.getEncoder().encodeToString(json(report));
      } catch (IOException e) {
        Runtime.getRuntime().halt(Harness.EXIT_CHANNEL_BROKEN);
      }
    }
    String line = "\n" + token + " " + kind + " " + index + " " + payload + "\n";
    try {
      out.write(line.getBytes(StandardCharsets.US_ASCII));
      out.flush();
    } catch (IOException e) {
      Runtime.getRuntime().halt(Harness.EXIT_CHANNEL_BROKEN);
    }
  }

  /**
   * The report as the grader's {@link Wire} reads it: an object of the record's five components,
   * null ones included, in UTF-8.
   */
  static byte[] json(Report report) throws IOException {
    JsonWriter out = new JsonWriter(Integer.MAX_VALUE - 8);
    out.open('{');
    out.string("status");
    out.raw(':');
    out.string(report.status());
    out.raw(',');
    out.string("outputJson");
    out.raw(':');
    out.string(report.outputJson());
    out.raw(',');
    out.string("message");
    out.raw(':');
    out.string(report.message());
    out.raw(',');
    out.string("stdout");
    out.raw(':');
    out.string(report.stdout());
    out.raw(',');
    out.string("stderr");
    out.raw(':');
    out.string(report.stderr());
    out.close('}');
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
