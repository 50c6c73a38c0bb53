package org.mlgrade.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request file: what the grader writes is what the child reads, each call's input decoded only
 * when asked for, from its own span of the file's bytes.
 */
class RequestTest {

  record Layer(String name, int stride, double[] weights) {}

  @Test
  void headerAndCallsRoundTrip() throws IOException {
    Request request =
        new Request(
            "t0k",
            4096,
            List.of("/api", "/student"),
            "/student",
            List.of(
                new Request.Call(
                    3,
                    "org.mlgrade.api.A",
                    "solve",
                    "{\"name\":\"a \\\"quoted\\\" \\u00e9 ]}\",\"stride\":2,\"weights\":[NaN,-Infinity,0.5]}",
                    100),
                new Request.Call(4, "org.mlgrade.api.B", "count", "7", 12),
                new Request.Call(5, "org.mlgrade.api.C", "list", "[[1,2],[3]]", 50)));

    Request.Received back = Request.read(request.toBytes());

    assertThat(back.token()).isEqualTo("t0k");
    assertThat(back.outputBytes()).isEqualTo(4096);
    assertThat(back.classpath()).containsExactly("/api", "/student");
    assertThat(back.studentDir()).isEqualTo("/student");
    assertThat(back.calls()).extracting(Request.ReceivedCall::index).containsExactly(3, 4, 5);
    assertThat(back.calls())
        .extracting(Request.ReceivedCall::maxAnswerChars)
        .containsExactly(100, 12, 50);
    Request.ReceivedCall first = back.calls().get(0);
    assertThat(first.solverInterface()).isEqualTo("org.mlgrade.api.A");
    assertThat(first.method()).isEqualTo("solve");
    Layer layer = (Layer) first.input(Layer.class);
    assertThat(layer.name()).isEqualTo("a \"quoted\" \u00e9 ]}");
    assertThat(layer.stride()).isEqualTo(2);
    assertThat(layer.weights()).containsExactly(Double.NaN, Double.NEGATIVE_INFINITY, 0.5);
    assertThat(back.calls().get(1).input(Integer.class)).isEqualTo(7);
    assertThat((int[][]) back.calls().get(2).input(int[][].class))
        .isDeepEqualTo(new int[][] {{1, 2}, {3}});
  }

  @Test
  void jacksonReadsTheRequestAsWritten() throws IOException {
    Request request =
        new Request(
            "t\u00e9\"k",
            7,
            List.of("/a b", "/c\\d"),
            "/c\\d",
            List.of(new Request.Call(2, "I", "m", "{\"x\":[1.5,NaN]}", 9)));

    // Jackson, an independent reader, sees the fields and the input embedded as JSON.
    JsonNode tree = Wire.MAPPER.readTree(request.toBytes());

    assertThat(tree)
        .isEqualTo(
            Wire.MAPPER.readTree(
                "{\"token\":\"t\u00e9\\\"k\",\"outputBytes\":7,\"classpath\":[\"/a b\","
                    + "\"/c\\\\d\"],\"studentDir\":\"/c\\\\d\",\"calls\":[{\"index\":2,"
                    + "\"solverInterface\":\"I\",\"method\":\"m\",\"maxAnswerChars\":9,"
                    + "\"input\":{\"x\":[1.5,NaN]}}]}"));
  }

  @Test
  void anInputThatDoesNotFitFailsItsCallAlone() throws IOException {
    Request request =
        new Request(
            "t",
            1,
            List.of(),
            "/s",
            List.of(
                new Request.Call(0, "I", "m", "{\"name\":\"x\",\"stride\":1.5,\"weights\":[]}", 9),
                new Request.Call(1, "I", "m", "{\"name\":\"y\",\"stride\":1,\"weights\":[]}", 9)));

    Request.Received back = Request.read(request.toBytes());

    // 1.5 is not an int (Wire is strict), but the next call's input is still whole.
    assertThatThrownBy(() -> back.calls().get(0).input(Layer.class))
        .isInstanceOf(IOException.class);
    assertThat(((Layer) back.calls().get(1).input(Layer.class)).name()).isEqualTo("y");
  }

  @Test
  void aTruncatedOrForeignRequestIsAnError() throws IOException {
    byte[] whole =
        new Request("t", 1, List.of(), "/s", List.of(new Request.Call(0, "I", "m", "{}", 9)))
            .toBytes();
    byte[] truncated = Arrays.copyOf(whole, whole.length - 3);

    assertThatThrownBy(() -> Request.read(truncated)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> Request.read("{\"token\":\"t\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("lacks");
    assertThatThrownBy(() -> Request.read("{\"evil\":1}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("unknown");
  }
}
