package org.mlgrade.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.mlgrade.harness.Wire;

/**
 * Reads the golden vectors that the scripts under {@code reference/scripts/} generated with NumPy
 * or PyTorch and committed under {@code src/test/resources/golden/}, in the wire format.
 */
public final class GoldenVectors {

  private GoldenVectors() {}

  /** The JSON tree of a golden file, e.g. {@code "/golden/conv/conv_golden.json"}. */
  public static JsonNode read(String resource) {
    try (InputStream in = GoldenVectors.class.getResourceAsStream(resource)) {
      assertThat(in).as("%s on the test classpath", resource).isNotNull();
      return Wire.MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * One dynamic test per entry of the file's {@code cases} array, each {@code {name, input,
   * output}}: {@code solver} applied to the input must give the output within {@code tolerance}.
   * The file must hold at least {@code minimum} cases.
   */
  public static <I, O> Stream<DynamicTest> cases(String resource, Class<I> inputType,
      Class<O> outputType, Function<I, O> solver, Tolerance tolerance, int minimum) {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode golden : read(resource).get("cases")) {
      tests.add(DynamicTest.dynamicTest(golden.get("name").asText(), () -> {
        I input = Wire.MAPPER.treeToValue(golden.get("input"), inputType);
        O expected = Wire.MAPPER.treeToValue(golden.get("output"), outputType);
        assertThat(StructuralComparison.compare(expected, solver.apply(input), tolerance))
            .isEmpty();
      }));
    }
    assertThat(tests).as("cases in %s", resource).hasSizeGreaterThanOrEqualTo(minimum);
    return tests.stream();
  }
}
