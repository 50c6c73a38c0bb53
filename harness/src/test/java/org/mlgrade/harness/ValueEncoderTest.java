package org.mlgrade.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The child's encoder: what it writes, Jackson ({@link Wire}, the grader's strict reader) reads
 * back as the value that was encoded, and a hostile value ends as a bounded, scored failure.
 */
class ValueEncoderTest {

  enum Kind {
    CONV,
    FC
  }

  record Shape(int height, int width, int depth) {}

  record Output(
      double[] values,
      double[][][][] tensor,
      int[][] matrix,
      long[] longs,
      boolean[] flags,
      List<Shape> shapes,
      Kind kind,
      String note,
      long count,
      double mean,
      Double maybe,
      boolean ok) {}

  private static final int LIMIT = 1 << 20;

  @Test
  void doublesAreWrittenAsJacksonWritesThem() throws Exception {
    double[] values = {
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      -0.0,
      0.0,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      Double.MIN_NORMAL,
      1e-5,
      1e300,
      0.1 + 0.2,
      Math.PI,
      -123456.789,
      1e7,
      1e-3
    };

    assertThat(ValueEncoder.encode(values, LIMIT))
        .isEqualTo(Wire.MAPPER.writeValueAsString(values));
    assertThat(ValueEncoder.encode(values, LIMIT))
        .isEqualTo(
            "[NaN,Infinity,-Infinity,-0.0,0.0,4.9E-324,1.7976931348623157E308,"
                + "2.2250738585072014E-308,1.0E-5,1.0E300,0.30000000000000004,3.141592653589793,"
                + "-123456.789,1.0E7,0.001]");
    assertThat(ValueEncoder.encode(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, LIMIT))
        .isEqualTo("[-9223372036854775808,9223372036854775807]");
  }

  @Test
  void aRecordReadsBackThroughJacksonAsTheSameValue() throws Exception {
    Output output =
        new Output(
            new double[] {1.5, Double.NaN, -0.0},
            new double[][][][] {{{{1, 2}, {}}}, {}},
            new int[][] {{1, -2}, {}},
            new long[] {Long.MIN_VALUE},
            new boolean[] {true, false},
            List.of(new Shape(1, 2, 3), new Shape(4, 5, 6)),
            Kind.FC,
            "quote \" backslash \\ tab \t nul \u0000 del \u007f euro \u20ac \ud83d\ude00",
            -7,
            Double.NEGATIVE_INFINITY,
            null,
            true);

    String json = ValueEncoder.encode(output, LIMIT);

    // Read back strictly as the grader does, then compared as Jackson's trees (exact doubles).
    Output back = Wire.MAPPER.readValue(json, Output.class);
    JsonNode expected = Wire.MAPPER.valueToTree(output);
    assertThat((JsonNode) Wire.MAPPER.valueToTree(back)).isEqualTo(expected);
    assertThat(back.note()).isEqualTo(output.note());
    assertThat(back.values()).containsExactly(1.5, Double.NaN, -0.0);
  }

  @Test
  void loneSurrogatesAreEscapedAndReadBack() throws Exception {
    for (String text :
        List.of("\ud800", "a\udc00b", "\udc00\ud800", "end \ud83d", "\ud83d\ude00 pair")) {
      String json = ValueEncoder.encode(text, LIMIT);

      assertThat(Wire.MAPPER.readValue(json, String.class)).isEqualTo(text);
      assertThat(json).doesNotContain("\ud800", "\udc00");
    }
    assertThat(ValueEncoder.encode("\ud800x", LIMIT)).isEqualTo("\"\\ud800x\"");
    assertThat(ValueEncoder.encode("\ud83d\ude00", LIMIT)).isEqualTo("\"\ud83d\ude00\"");
    assertThat(ValueEncoder.encode("a\n\"\u0001", LIMIT)).isEqualTo("\"a\\n\\\"\\u0001\"");
  }

  @Test
  void collectionsOfAnyKindAreArrays() throws Exception {
    Iterable<Integer> iterable = () -> List.of(1, 2).iterator();

    assertThat(ValueEncoder.encode(iterable, LIMIT)).isEqualTo("[1,2]");
    assertThat(ValueEncoder.encode(new LinkedHashSet<>(List.of("a", "b")), LIMIT))
        .isEqualTo("[\"a\",\"b\"]");
    assertThat(ValueEncoder.encode(new Object[] {null, Kind.CONV, 1.5f, 'c'}, LIMIT))
        .isEqualTo("[null,\"CONV\",1.5,\"c\"]");
    assertThat(ValueEncoder.encode(List.of(), LIMIT)).isEqualTo("[]");
    assertThat(ValueEncoder.encode(null, LIMIT)).isEqualTo("null");
  }

  @Test
  void theLimitIsExact() throws Exception {
    String json = "[1.5,2.5]"; // nine characters

    assertThat(ValueEncoder.encode(new double[] {1.5, 2.5}, 9)).isEqualTo(json);
    assertThatThrownBy(() -> ValueEncoder.encode(new double[] {1.5, 2.5}, 8))
        .isInstanceOf(JsonWriter.Overflow.class)
        .hasMessage("more than 8 characters of JSON");
    assertThatThrownBy(() -> ValueEncoder.encode("x".repeat(100), 50))
        .isInstanceOf(JsonWriter.Overflow.class);
  }

  /** A student's list that never ends. */
  static final class Endless extends AbstractList<Integer> {
    @Override
    public Integer get(int index) {
      return index;
    }

    @Override
    public int size() {
      return 3;
    }

    @Override
    public Iterator<Integer> iterator() {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return true;
        }

        @Override
        public Integer next() {
          return 7;
        }
      };
    }
  }

  /** A student's list whose iteration throws. */
  static final class Throwing extends AbstractList<Integer> {
    static final IllegalStateException THROWN = new IllegalStateException("student's bug");

    @Override
    public Integer get(int index) {
      throw THROWN;
    }

    @Override
    public int size() {
      return 2;
    }
  }

  @Test
  void anEndlessListOverflowsTheLimit() {
    assertThatThrownBy(() -> ValueEncoder.encode(new Endless(), 10_000))
        .isInstanceOf(JsonWriter.Overflow.class)
        .hasMessage("more than 10000 characters of JSON");
  }

  @Test
  void aListThatHoldsItselfStopsAtTheDepthLimit() {
    List<Object> list = new ArrayList<>();
    list.add(1);
    list.add(list);

    assertThatThrownBy(() -> ValueEncoder.encode(list, 1 << 20))
        .isInstanceOf(JsonWriter.Overflow.class)
        .hasMessageContaining("nests more than 200");
  }

  @Test
  void theDepthLimitFitsTheSmallestStackOfTheSandbox() throws Exception {
    List<Object> list = new ArrayList<>();
    list.add(list);
    Throwable[] thrown = new Throwable[1];
    // 256 KiB is the least -Xss SandboxOptions accepts for the child.
    Thread thread =
        new Thread(
            null,
            () -> {
              try {
                ValueEncoder.encode(list, 1 << 20);
              } catch (Throwable t) {
                thrown[0] = t;
              }
            },
            "small-stack",
            256 * 1024);
    thread.start();
    thread.join();

    assertThat(thrown[0]).isInstanceOf(JsonWriter.Overflow.class);
  }

  @Test
  void whatTheStudentsListThrowsPropagates() {
    assertThatThrownBy(() -> ValueEncoder.encode(List.of(new Throwing()), LIMIT))
        .isSameAs(Throwing.THROWN);
  }

  @Test
  void anUnsupportedValueNamesItsClass() {
    assertThatThrownBy(() -> ValueEncoder.encode(List.of(new HashMap<>(Map.of("a", 1))), LIMIT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holds a java.util.HashMap");
    assertThatThrownBy(() -> ValueEncoder.encode(new byte[] {1}, LIMIT))
        .hasMessageContaining("holds a [B");
    assertThatThrownBy(() -> ValueEncoder.encode(new Object(), LIMIT))
        .hasMessageContaining("holds a java.lang.Object");
  }
}
