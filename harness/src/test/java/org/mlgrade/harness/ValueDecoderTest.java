package org.mlgrade.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The child's decoder against Jackson ({@link Wire}, an independent implementation of the same
 * format) and against the JDK's {@link Double#parseDouble}: the same values, bit for bit, and the
 * same strictness.
 */
class ValueDecoderTest {

  enum Kind {
    CONV,
    FC
  }

  record Shape(int height, int width, int depth) {
    Shape {
      if (height < 1 || width < 1 || depth < 1) {
        throw new IllegalArgumentException("shape must be positive, got " + height);
      }
    }
  }

  record Spec(Kind kind, double[] params, List<Spec> parts) {}

  record Everything(
      String name,
      Kind kind,
      int count,
      long big,
      double value,
      boolean flag,
      Integer boxedInt,
      Long boxedLong,
      Double boxedDouble,
      Boolean boxedFlag,
      double[][][][] tensor,
      int[][] matrix,
      long[] longs,
      boolean[] flags,
      Shape[] shapes,
      List<Shape> shapeList,
      List<List<Integer>> nested,
      List<? extends Spec> specs,
      Spec nothing) {}

  record Holder<T>(T value) {}

  private static Object decode(String json, Type type) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return ValueDecoder.decode(bytes, 0, bytes.length, type);
  }

  private static Object jackson(String json, Type type) throws IOException {
    JavaType javaType = Wire.MAPPER.getTypeFactory().constructType(type);
    return Wire.MAPPER.readValue(json, javaType);
  }

  /** The child's value and Jackson's, compared as Jackson's trees (exact for doubles). */
  private static void assertSameAsJackson(String json, Type type) throws IOException {
    JsonNode child = Wire.MAPPER.valueToTree(decode(json, type));
    JsonNode jackson = Wire.MAPPER.valueToTree(jackson(json, type));
    assertThat(child).isEqualTo(jackson);
  }

  @Test
  void aRecordOfEveryKindDecodesAsJacksonDoesIt() throws IOException {
    String json =
        "{\"name\":\"caf\\u00e9 \\\"x\\\" \\\\ \\/ \\n\\t \u20ac \ud83d\ude00\",\"kind\":\"FC\","
            + "\"count\":-2147483648,\"big\":-9223372036854775808,\"value\":-0.0,\"flag\":true,"
            + "\"boxedInt\":null,\"boxedLong\":9223372036854775807,\"boxedDouble\":NaN,"
            + "\"boxedFlag\":false,"
            + "\"tensor\":[[[[1.5,-Infinity],[Infinity]]],[],[[]]],\"matrix\":[[1,2],[],[3]],"
            + "\"longs\":[0,-1],\"flags\":[true,false],"
            + "\"shapes\":[{\"height\":1,\"width\":2,\"depth\":3},null],"
            + "\"shapeList\":[{\"depth\":3,\"width\":2,\"height\":1}],\"nested\":[[1],[],[null]],"
            + "\"specs\":[{\"kind\":\"CONV\",\"params\":[1e-5,1E+300],\"parts\":[{\"kind\":"
            + "\"FC\",\"params\":[],\"parts\":[]}]}],\"nothing\":null}";

    assertSameAsJackson(json, Everything.class);
    Everything decoded = (Everything) decode(json, Everything.class);
    assertThat(decoded.name()).isEqualTo("caf\u00e9 \"x\" \\ / \n\t \u20ac \ud83d\ude00");
    assertThat(decoded.specs()).isInstanceOf(ArrayList.class);
    assertThat(decoded.specs().get(0).params()).containsExactly(1e-5, 1e300);
    assertThat(Double.doubleToRawLongBits(decoded.value()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void numbersAreTheJdksDoublesBitForBit() throws IOException {
    List<String> texts =
        new ArrayList<>(
            List.of(
                "0",
                "-0",
                "-0.0",
                "4.9E-324",
                "5e-324",
                "2.4703282292062327E-324",
                "2.2250738585072014E-308",
                "1.7976931348623157E308",
                "1.7976931348623159E308",
                "1e-5",
                "1E+300",
                "1e400",
                "0.1",
                "0.30000000000000004",
                "9007199254740993",
                "123456789012345678901234567890",
                "1.00000000000000011102230246251565404236316680908203125",
                "0.000000000000000000000000000001",
                "3.141592653589793",
                "-2.5e-3",
                "1000000000000000000000000"));
    SplittableRandom random = new SplittableRandom(12);
    for (int i = 0; i < 5_000; i++) {
      texts.add(Double.toString(Double.longBitsToDouble(random.nextLong())));
      texts.add(random.nextLong(1L << 54) + "e" + random.nextInt(-30, 30));
      texts.add(random.nextInt(1_000_000) + "." + random.nextInt(1_000_000));
    }
    for (String text : texts) {
      double expected = Double.parseDouble(text);
      if (Double.isNaN(expected)) {
        continue; // random bits can be a NaN, whose text is the NaN token, tested elsewhere
      }
      assertThat(Double.doubleToRawLongBits((double) decode(text, double.class)))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(expected));
    }
    assertThat((double) decode("NaN", double.class)).isNaN();
    assertThat((double) decode(" Infinity ", double.class)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat((double) decode("-Infinity", Double.class)).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void integersAreStrictAsJacksonIs() throws IOException {
    assertThat(decode("-9223372036854775808", long.class)).isEqualTo(Long.MIN_VALUE);
    assertThat(decode("9223372036854775807", Long.class)).isEqualTo(Long.MAX_VALUE);
    assertThat(decode("2147483647", int.class)).isEqualTo(Integer.MAX_VALUE);
    assertThat(decode("-0", int.class)).isEqualTo(0);
    for (String bad :
        List.of(
            "9223372036854775808", "-9223372036854775809", "1.5", "1.0", "1e2", "01", "\"3\"")) {
      assertThatThrownBy(() -> decode(bad, long.class)).as(bad).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> jackson(bad, long.class)).as(bad).isInstanceOf(IOException.class);
    }
    for (String bad : List.of("2147483648", "-2147483649", "null", "true", "NaN")) {
      assertThatThrownBy(() -> decode(bad, int.class)).as(bad).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> jackson(bad, int.class)).as(bad).isInstanceOf(IOException.class);
    }
  }

  @Test
  void stringsUnescapeAsJacksonDoes() throws IOException {
    for (String json :
        List.of(
            "\"\"",
            "\"plain\"",
            "\"\\u0000\\u001f\\b\\f\\r\"",
            "\"\\ud800 lone high, \\udc00 lone low\"",
            "\"\\uD83D\\uDE00 and \ud83d\ude00\"",
            "\"\u00e9\\u00E9\u4e2d\"")) {
      assertThat(decode(json, String.class)).as(json).isEqualTo(jackson(json, String.class));
    }
    assertThat(decode("\"\\ud800\"", String.class)).isEqualTo("\ud800");
  }

  @Test
  void aRecordMustBeWholeAndExact() {
    // Each is refused by Jackson too (Wire: unknown and missing properties, null primitives).
    for (String json :
        List.of(
            "{\"height\":1,\"width\":2}",
            "{\"height\":1,\"width\":2,\"depth\":3,\"colour\":4}",
            "{\"height\":1,\"width\":2,\"depth\":null}",
            "{\"height\":1,\"width\":2,\"depth\":3.5}",
            "{\"height\":1,\"width\":2,\"depth\":3",
            "[1,2,3]")) {
      assertThatThrownBy(() -> decode(json, Shape.class)).as(json).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> jackson(json, Shape.class)).as(json).isInstanceOf(IOException.class);
    }
    assertThatThrownBy(() -> decode("{\"height\":1,\"width\":2}", Shape.class))
        .hasMessageContaining("missing properties [depth]");
    assertThatThrownBy(() -> decode("{\"height\":1,\"colour\":2}", Shape.class))
        .hasMessageContaining("unknown property \"colour\"");
    assertThatThrownBy(() -> decode("{\"kind\":\"POOL\",\"params\":[],\"parts\":[]}", Spec.class))
        .hasMessageContaining("\"POOL\"")
        .hasMessageContaining("[CONV, FC]");
  }

  @Test
  void aCompactConstructorThatThrowsNamesTheRecordAndItsMessage() {
    assertThatThrownBy(() -> decode("{\"height\":0,\"width\":2,\"depth\":3}", Shape.class))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot construct " + Shape.class.getName() + ": shape must be positive, got 0")
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyArraysAndNullsDecode() throws IOException {
    assertThat((double[]) decode("[]", double[].class)).isEmpty();
    assertThat((int[][]) decode(" [ [ ] , [ 1 ] ] ", int[][].class))
        .isDeepEqualTo(new int[][] {{}, {1}});
    assertThat(decode("null", Shape.class)).isNull();
    assertThat(decode("null", double[].class)).isNull();
    assertThatThrownBy(() -> decode("[1,null]", double[].class))
        .hasMessageContaining("null is not a double");
  }

  @Test
  void anUnsupportedTypeIsNamed() throws Exception {
    Type map = ValueDecoderTest.class.getDeclaredMethod("mapOf").getGenericReturnType();
    assertThatThrownBy(() -> decode("{}", map))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot decode a java.util.Map<java.lang.String, java.lang.Integer>");
    assertThatThrownBy(() -> decode("{\"value\":1}", Holder.class))
        .hasMessageContaining("cannot decode a T");
    assertThatThrownBy(() -> decode("[]", List.class))
        .hasMessageContaining("cannot decode a java.util.List");
    assertThatThrownBy(() -> decode("1", Object.class))
        .hasMessageContaining("cannot decode a java.lang.Object");
  }

  @Test
  void malformedJsonFailsWithItsPlace() {
    assertThatThrownBy(() -> decode("[1,2", int[].class))
        .hasMessageContaining("at byte 4")
        .hasMessageContaining("the end of the JSON");
    assertThatThrownBy(() -> decode("[1] x", int[].class))
        .hasMessageContaining("unexpected content");
    assertThatThrownBy(() -> decode("\"a\\x\"", String.class))
        .hasMessageContaining("unknown escape");
    assertThatThrownBy(() -> decode("\"a\nb\"", String.class))
        .hasMessageContaining("control character");
    assertThatThrownBy(() -> decode("1.", double.class)).hasMessageContaining("after its point");
    assertThatThrownBy(() -> decode("NaNa", double.class)).hasMessageContaining("expected NaN");
  }

  record Node(List<Node> children) {}

  @Test
  void nestingPastTheLimitFails() throws IOException {
    String shallow = "{\"children\":[".repeat(400) + "]}".repeat(400);
    String deep = "{\"children\":[".repeat(600) + "]}".repeat(600);

    assertSameAsJackson(shallow, Node.class);
    assertThatThrownBy(() -> decode(deep, Node.class))
        .hasMessageContaining("nested more than 1000");
  }

  /** Only for its return type. */
  @SuppressWarnings("unused")
  private static Map<String, Integer> mapOf() {
    return Map.of();
  }
}
