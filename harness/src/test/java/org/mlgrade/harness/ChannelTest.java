package org.mlgrade.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The channel's reports: what the child writes, the grader's strict Jackson reads back whole. */
class ChannelTest {

  @Test
  void aReportReadsBackThroughJackson() throws Exception {
    Report report =
        new Report(
            "RETURNED",
            "{\"a\":[1.5,NaN],\"b\":\"x\\\"y\"}",
            "",
            "printed \"this\"\n\u00e9\u20ac",
            "line\r\n\ttab");

    assertThat(Wire.MAPPER.readValue(Channel.json(report), Report.class)).isEqualTo(report);
  }

  @Test
  void aLoneSurrogateInAStudentsMessageDoesNotBreakTheChannel() throws Exception {
    Report report =
        new Report(
            "THREW", null, "java.lang.IllegalStateException: bad \ud800 and \udfff", "\ud83d", "");

    byte[] json = Channel.json(report);

    // Valid UTF-8 (a strict decoder accepts it) that Jackson reads as the same strings.
    StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(json));
    assertThat(Wire.MAPPER.readValue(json, Report.class)).isEqualTo(report);
  }
}
