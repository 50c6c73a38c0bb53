package org.mlgrade.reference.problems.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlgrade.reference.GoldenVectors;
import org.mlgrade.api.backprop.ReluNetInput;
import org.mlgrade.api.backprop.ReluNetOutput;
import org.mlgrade.api.backprop.SigmoidChainInput;
import org.mlgrade.api.backprop.SigmoidChainOutput;
import org.mlgrade.api.backprop.TanhSoftmaxInput;
import org.mlgrade.api.backprop.TanhSoftmaxOutput;
import org.mlgrade.reference.Tolerance;

/**
 * The reference against golden vectors from PyTorch autograd in float64
 * ({@code reference/scripts/backprop_golden.py}): deltas are the autograd gradients of the
 * pre-activations, weight gradients those of the weights. The script also asserts that the
 * homework's published numbers come out under the from-to weight convention.
 * Tolerance 1e-12 absolute plus 1e-10 relative: both sides are float64, only summation order
 * differs.
 */
class BackpropGoldenTest {

  private static final Tolerance GOLDEN = new Tolerance(1e-12, 1e-10);
  private final BackpropReference reference = new BackpropReference();

  @TestFactory
  Stream<DynamicTest> reluNetMatchesTorchAutograd() throws IOException {
    return cases("relu_net", ReluNetInput.class, ReluNetOutput.class, reference::reluNet);
  }

  @TestFactory
  Stream<DynamicTest> sigmoidChainMatchesTorchAutograd() throws IOException {
    return cases("sigmoid_chain", SigmoidChainInput.class, SigmoidChainOutput.class,
        reference::sigmoidChain);
  }

  @TestFactory
  Stream<DynamicTest> tanhSoftmaxMatchesTorchAutograd() throws IOException {
    return cases("tanh_softmax", TanhSoftmaxInput.class, TanhSoftmaxOutput.class,
        reference::tanhSoftmax);
  }

  private static <I, O> Stream<DynamicTest> cases(String file, Class<I> inputType,
      Class<O> outputType, Function<I, O> solver) {
    return GoldenVectors.cases("/golden/backprop/" + file + ".json", inputType, outputType, solver,
        GOLDEN, 10);
  }
}
