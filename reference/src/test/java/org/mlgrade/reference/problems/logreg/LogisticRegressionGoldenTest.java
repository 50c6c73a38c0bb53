package org.mlgrade.reference.problems.logreg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlgrade.reference.GoldenVectors;
import org.mlgrade.api.logreg.LogisticModel;
import org.mlgrade.api.logreg.LossInput;
import org.mlgrade.api.logreg.LossOutput;
import org.mlgrade.api.logreg.SgdEpochInput;
import org.mlgrade.api.logreg.SgdStepInput;
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
      Class<O> outputType, Function<I, O> solver) {
    return GoldenVectors.cases("/golden/logreg/" + file + ".json", inputType, outputType, solver,
        GOLDEN, 10);
  }
}
