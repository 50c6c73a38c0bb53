package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.mlgrade.harness.Report;
import org.mlgrade.harness.Wire;

class ProtocolReaderTest {

  private static final String TOKEN = "00112233445566778899aabbccddeeff";

  private final BlockingQueue<ChildEvent> events = new LinkedBlockingQueue<>();
  private final StrayOutput stray = new StrayOutput(64, events);

  private static String report(String status) throws Exception {
    byte[] json = Wire.MAPPER.writeValueAsBytes(
        new Report(status, "{\"y\":4.0}", "", "out", ""));
    return Base64.getEncoder().encodeToString(json);
  }

  private List<ChildEvent> read(byte[] bytes) {
    reader(new ByteArrayInputStream(bytes), stray, 1 << 20).run();
    return new ArrayList<>(events);
  }

  private ProtocolReader reader(InputStream in, StrayOutput into, long maxLineBytes) {
    return new ProtocolReader(in, TOKEN, into, events, index -> maxLineBytes);
  }

  @Test
  void tokenLinesBecomeEventsAndOtherLinesAreStrayOutputOfTheCurrentCall() throws Exception {
    String text = "\n" + TOKEN + " READY 0 \nstudent line\n\n" + TOKEN + " RESULT 0 "
        + report("RETURNED") + "\n";

    List<ChildEvent> seen = read(text.getBytes(StandardCharsets.US_ASCII));

    assertThat(seen).hasSize(3);
    assertThat(seen.get(0)).isEqualTo(new ChildEvent.Ready(0));
    assertThat(seen.get(1)).isInstanceOfSatisfying(ChildEvent.Reported.class, r -> {
      assertThat(r.index()).isZero();
      assertThat(r.report().outputJson()).isEqualTo("{\"y\":4.0}");
      assertThat(r.stray().stdout()).isEqualTo("student line\n");
    });
    assertThat(seen.get(2)).isInstanceOf(ChildEvent.Ended.class);
  }

  @Test
  void strayOutputAfterAReportBelongsToTheNextCall() throws Exception {
    String text = TOKEN + " READY 0 \nfirst\n" + TOKEN + " RESULT 0 " + report("RETURNED")
        + "\nsecond\n";

    List<ChildEvent> seen = read(text.getBytes(StandardCharsets.US_ASCII));

    assertThat(seen.get(1)).isInstanceOfSatisfying(ChildEvent.Reported.class,
        r -> assertThat(r.stray().stdout()).isEqualTo("first\n"));
    assertThat(stray.end(1).stdout()).isEqualTo("second\n");
  }

  @Test
  void linesWithoutTheTokenOrMalformedAreNeverEvents() throws Exception {
    String text = TOKEN + " READY 0 \n"
        + "RESULT 0 " + report("RETURNED") + "\n"
        + "ffffffffffffffffffffffffffffffff RESULT 0 " + report("RETURNED") + "\n"
        + TOKEN.substring(0, 10) + "\n"
        + TOKEN + " RESULT zero " + report("RETURNED") + "\n"
        + TOKEN + " RESULT 0 not-base64!\n"
        + TOKEN + " RESULT 0 " + Base64.getEncoder().encodeToString("{\"x\":1}".getBytes())
        + "\n" + TOKEN + " SCORE 0 100\n"
        + TOKEN + " START 1 \n"
        + TOKEN + " RESULT 1 " + report("RETURNED") + "\n"
        + TOKEN + " READY 5 \n";

    StrayOutput roomy = new StrayOutput(1 << 20, events);
    reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), roomy, 1 << 20)
        .run();

    assertThat(events).containsExactly(new ChildEvent.Ready(0), new ChildEvent.Ended());
    assertThat(roomy.peek(0).stdout()).startsWith("RESULT 0 ").contains("ffffffff")
        .doesNotContain("SCORE");
  }

  @Test
  void invalidUtf8AndHugeLinesAreBoundedAndFlagAFlood() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write((TOKEN + " READY 3 \n").getBytes(StandardCharsets.US_ASCII));
    bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'});
    bytes.write(new byte[1_000_000]);
    bytes.write('\n');

    List<ChildEvent> seen = read(bytes.toByteArray());

    assertThat(seen).containsExactly(new ChildEvent.Ready(3), new ChildEvent.RawFlood(3),
        new ChildEvent.Ended());
    String kept = stray.end(3).stdout();
    assertThat(kept).startsWith("\uFFFD(\uFFFD\n");
    assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64 + 6);
  }

  @Test
  void aProtocolLineSplitAcrossReadsIsStillRead() throws Exception {
    byte[] line = ("\n" + TOKEN + " READY 7 \n").getBytes(StandardCharsets.US_ASCII);
    InputStream trickle = new InputStream() {
      private int next;

      @Override
      public int read() {
        return next < line.length ? line[next++] : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (next >= line.length) {
          return -1;
        }
        b[off] = line[next++];
        return 1;
      }
    };

    reader(trickle, stray, 1 << 20).run();

    assertThat(events).containsExactly(new ChildEvent.Ready(7), new ChildEvent.Ended());
  }

  @Test
  void aReportLongerThanTheRunningCallsBoundIsSkippedUnreadAndFlagged() throws Exception {
    String big = Base64.getEncoder().encodeToString(Wire.MAPPER.writeValueAsBytes(
        new Report("RETURNED", "[" + "0.0,".repeat(20_000) + "0.0]", "", "", "")));
    String text = TOKEN + " READY 0 \n" + TOKEN + " RESULT 0 " + big + "\n"
        + TOKEN + " RESULT 0 " + report("RETURNED") + "\n";

    reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), stray, 10_000)
        .run();

    // The oversized line is flagged for call 0; the line after it is read as usual.
    assertThat(new ArrayList<>(events)).hasSize(4).satisfies(seen -> {
      assertThat(seen.get(0)).isEqualTo(new ChildEvent.Ready(0));
      assertThat(seen.get(1)).isEqualTo(new ChildEvent.Oversized(0));
      assertThat(seen.get(2)).isInstanceOf(ChildEvent.Reported.class);
      assertThat(seen.get(3)).isEqualTo(new ChildEvent.Ended());
    });
  }

  @Test
  void aLongLineBeforeTheChildIsReadyIsNotBuffered() throws Exception {
    String text = TOKEN + " RESULT 0 " + "A".repeat(ProtocolReader.IDLE_LINE_BYTES + 1) + "\n"
        + TOKEN + " READY 0 \n";

    List<ChildEvent> seen = read(text.getBytes(StandardCharsets.US_ASCII));

    assertThat(seen).containsExactly(new ChildEvent.Ready(0), new ChildEvent.Ended());
  }

  @Test
  void truncationNeverCutsACharacterInHalf() {
    assertThat(CappedBytes.truncate("héllo", 2)).isEqualTo("h");
    assertThat(CappedBytes.truncate("héllo", 3)).isEqualTo("hé");
    assertThat(CappedBytes.truncate("hello", 10)).isEqualTo("hello");
  }
}
