package org.mlgrade.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.junit.jupiter.api.Test;

class WireTest {

  record Layer(int stride, double[] weights) {}

  @Test
  void recordsWithSpecialDoublesRoundTrip() throws Exception {
    Layer layer = new Layer(2, new double[] {Double.NaN, Double.NEGATIVE_INFINITY, 0.1, -0.0});
    String json = Wire.MAPPER.writeValueAsString(layer);
    assertThat(json).isEqualTo("{\"stride\":2,\"weights\":[NaN,-Infinity,0.1,-0.0]}");
    Layer back = Wire.MAPPER.readValue(json, Layer.class);
    assertThat(back.stride()).isEqualTo(2);
    assertThat(back.weights()).containsExactly(Double.NaN, Double.NEGATIVE_INFINITY, 0.1, -0.0);
  }

  @Test
  void doublesRoundTripBitForBit() throws Exception {
    double[] values = {Math.PI, 1.0 / 3, Double.MIN_VALUE, 1e-310, Double.MAX_VALUE, 0.1 + 0.2};
    double[] back = Wire.MAPPER.readValue(Wire.MAPPER.writeValueAsString(values), double[].class);
    for (int i = 0; i < values.length; i++) {
      assertThat(Double.doubleToRawLongBits(back[i]))
          .isEqualTo(Double.doubleToRawLongBits(values[i]));
    }
  }

  @Test
  void rejectsSloppyInput() {
    assertThatThrownBy(() -> Wire.MAPPER.readValue("{\"stride\":1.5,\"weights\":[]}", Layer.class))
        .isInstanceOf(JsonMappingException.class);
    assertThatThrownBy(() -> Wire.MAPPER.readValue("{\"stride\":\"2\",\"weights\":[]}",
        Layer.class)).isInstanceOf(JsonMappingException.class);
    assertThatThrownBy(() -> Wire.MAPPER.readValue("{\"weights\":[]}", Layer.class))
        .isInstanceOf(JsonMappingException.class);
    assertThatThrownBy(() -> Wire.MAPPER.readValue("{\"stride\":1,\"weights\":[],\"x\":0}",
        Layer.class)).isInstanceOf(JsonMappingException.class);
    assertThatThrownBy(() -> Wire.MAPPER.readValue("{\"stride\":null,\"weights\":[]}",
        Layer.class)).isInstanceOf(JsonMappingException.class);
  }
}
