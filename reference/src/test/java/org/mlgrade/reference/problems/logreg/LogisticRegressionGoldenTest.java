package org.mlgrade.reference.problems.logreg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlgrade.api.logreg.LogisticModel;
import org.mlgrade.api.logreg.LossInput;
import org.mlgrade.api.logreg.LossOutput;
import org.mlgrade.api.logreg.SgdEpochInput;
import org.mlgrade.api.logreg.SgdStepInput;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.StructuralComparison;
import org.mlgrade.reference.Tolerance;

/**
 * The reference against golden vectors from PyTorch autograd in float64
 * ({@code reference/scripts/logreg_golden.py}, loss {@code binary_cross_entropy_with_logits}).
 * Tolerance 1e-12 absolute plus 1e-10 relative: both sides are float64, only summation order
 * differs.
 */
class LogisticRegressionGoldenTest {

  private static final Tolerance GOLDEN = new Tolerance(1e-12, 1e-10);
  private final LogisticRegressionReference reference = new LogisticRegressionReference();

  @TestFactory
  Stream<DynamicTest> sgdStepMatchesTorchAutograd() throws IOException {
    return cases("step", SgdStepInput.class, LogisticModel.class, reference::step);
  }

  @TestFactory
  Stream<DynamicTest> sgdEpochMatchesTorchAutograd() throws IOException {
    return cases("epoch", SgdEpochInput.class, LogisticModel.class, reference::epoch);
  }

  @TestFactory
  Stream<DynamicTest> lossMatchesTorchBinaryCrossEntropyWithLogits() throws IOException {
    return cases("loss", LossInput.class, LossOutput.class, reference::loss);
  }

  private static <I, O> Stream<DynamicTest> cases(String file, Class<I> inputType,
      Class<O> outputType, Function<I, O> solver) throws IOException {
    JsonNode root;
    try (InputStream in =
        LogisticRegressionGoldenTest.class.getResourceAsStream("/golden/logreg/" + file
            + ".json")) {
      assertThat(in).as("golden/logreg/%s.json on the test classpath", file).isNotNull();
      root = Wire.MAPPER.readTree(in);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode golden : root.get("cases")) {
      tests.add(DynamicTest.dynamicTest(golden.get("name").asText(), () -> {
        I input = Wire.MAPPER.treeToValue(golden.get("input"), inputType);
        O expected = Wire.MAPPER.treeToValue(golden.get("output"), outputType);
        assertThat(StructuralComparison.compare(expected, solver.apply(input), GOLDEN))
            .isEmpty();
      }));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(10);
    return tests.stream();
  }
}
