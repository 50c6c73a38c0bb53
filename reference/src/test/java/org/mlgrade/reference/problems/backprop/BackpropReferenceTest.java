package org.mlgrade.reference.problems.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.backprop.Backprop;
import org.mlgrade.api.backprop.ReluNetInput;
import org.mlgrade.api.backprop.ReluNetOutput;
import org.mlgrade.api.backprop.SigmoidChainInput;
import org.mlgrade.api.backprop.SigmoidChainOutput;
import org.mlgrade.api.backprop.TanhSoftmaxInput;
import org.mlgrade.api.backprop.TanhSoftmaxOutput;

/**
 * The homework's published numbers and the Javadoc's worked examples, derived by hand in the
 * comments, and the documented wrong answers of the known mistakes.
 */
class BackpropReferenceTest {

  /** The homework publishes four decimals. */
  private static final Offset<Double> PUBLISHED = within(5e-5);

  private static final Offset<Double> EXACT = within(1e-15);
  private static final double SIGMOID_2 = 1 / (1 + Math.exp(-2)); // 0.8807970779778823

  private final Backprop reference = new BackpropReference();

  /** x = (1, 2), label 0, the homework's weights; w_ij (1-based) at w[i-1][j-1]. */
  private static final ReluNetInput HOMEWORK =
      BackpropGenerators.homeworkNet(new double[] {1, 2}, 0);

  @Test
  void reluNetReproducesThePublishedNumbers() {
    // Weights from unit i below to unit j above:
    // a1_1 = x1 w11 + x2 w21 = 1 * 1 + 2 * (-1) = -1  -> h1_1 = 0
    // a1_2 = x1 w12 + x2 w22 = 1 * (-1) + 2 * 1 = 1   -> h1_2 = 1
    // a2_1 = h1_1 w11 + h1_2 w21 = 0 * (-1) + 1 * 1 = 1 -> h2_1 = 1
    // a2_2 = h1_1 w12 + h1_2 w22 = 0 * (-1) + 1 * 1 = 1 -> h2_2 = 1
    // z = 1 * 1 + 1 * 1 = 2; L = -log(1 - sigmoid(z)), dL/dz = sigmoid(2) = 0.8808
    // d2k = dL/dz * w3_k * relu'(a2_k) = 0.8808 * 1 * 1
    // d11 = relu'(-1) * (...) = 0; d12 = relu'(1) * (w21 d21 + w22 d22) = 2 * 0.8808 = 1.7616
    // dL/dw22 (layer 2) = h1_2 * d22 = 0.8808; dL/dw22 (layer 1) = x2 * d12 = 2 * 1.7616 = 3.5232
    ReluNetOutput out = reference.reluNet(HOMEWORK);
    assertThat(out.a1()).containsExactly(-1, 1);
    assertThat(out.h1()).containsExactly(0, 1);
    assertThat(out.a2()).containsExactly(1, 1);
    assertThat(out.h2()).containsExactly(1, 1);
    assertThat(out.z()).isEqualTo(2);
    assertThat(out.outputDelta()).isCloseTo(0.8808, PUBLISHED).isCloseTo(SIGMOID_2, EXACT);
    assertThat(out.delta2()[0]).isCloseTo(0.8808, PUBLISHED);
    assertThat(out.delta2()[1]).isCloseTo(0.8808, PUBLISHED);
    assertThat(out.delta1()[0]).isZero();
    assertThat(out.delta1()[1]).isCloseTo(1.7616, PUBLISHED).isCloseTo(2 * SIGMOID_2, EXACT);
    assertThat(out.gradW2()[1][1]).isCloseTo(0.8808, PUBLISHED);
    assertThat(out.gradW1()[1][1]).isCloseTo(3.5232, PUBLISHED).isCloseTo(4 * SIGMOID_2, EXACT);
    // loss = -log(1 - sigmoid(2)) = log(1 + e^2)
    assertThat(out.loss()).isCloseTo(Math.log(1 + Math.exp(2)), EXACT);
    assertThat(out.probability()).isCloseTo(SIGMOID_2, EXACT);
    // the rest of the Javadoc example: unit 1 of layer 1 is off, so its column of gradW1 and its
    // row of gradW2 (h1_1 = 0) are zero (signed zeros: -0.0 == 0.0 for the grader too)
    assertThat(out.gradW1()[0]).containsExactly(new double[] {0, 2 * SIGMOID_2}, EXACT);
    assertThat(out.gradW2()[0]).containsExactly(new double[] {0, 0}, EXACT);
    assertThat(out.gradW3()).containsExactly(SIGMOID_2, SIGMOID_2);
  }

  @Test
  void rowMeansTargetConventionWouldNotReproduceThePublishedNumbers() {
    // Reading w_ij of layer 2 as "to unit i from unit j" is the transposed matrix
    // {{-1, 1}, {-1, 1}}: a2 = (0 * -1 + 1 * -1, 0 * 1 + 1 * 1) = (-1, 1), z = 1 and dL/dz =
    // sigmoid(1) = 0.7311, not the published 0.8808 (W1 is symmetric, so only W2 decides).
    ReluNetOutput transposed = reference.reluNet(new ReluNetInput(HOMEWORK.x(), HOMEWORK.w1(),
        new double[][] {{-1, 1}, {-1, 1}}, HOMEWORK.w3(), 0));
    assertThat(transposed.z()).isEqualTo(1);
    assertThat(transposed.outputDelta()).isCloseTo(0.7311, PUBLISHED);
  }

  @Test
  void reluNetWithLabelOneHasDeltaSigmoidMinusOne() {
    // L = -log sigmoid(z): dL/dz = sigmoid(2) - 1 = -0.1192; the deltas scale with it
    ReluNetOutput out = reference.reluNet(BackpropGenerators.homeworkNet(new double[] {1, 2}, 1));
    assertThat(out.outputDelta()).isCloseTo(SIGMOID_2 - 1, EXACT);
    assertThat(out.delta1()[1]).isCloseTo(2 * (SIGMOID_2 - 1), EXACT);
    assertThat(out.loss()).isCloseTo(Math.log(1 + Math.exp(-2)), EXACT);
  }

  @Test
  void reluDerivativeAlwaysOneLetsGradientThroughTheDeadUnit() {
    // d11 = 1 * (w11 d21 + w12 d22) = (-1 - 1) * 0.8808 = -1.7616 instead of 0;
    // dL/dw21 (layer 1) = x2 * d11 = -3.5232 instead of 0
    ReluNetOutput wrong = new BackpropMistakes.ReluDerivativeAlwaysOne().reluNet(HOMEWORK);
    assertThat(wrong.delta1()[0]).isCloseTo(-1.7616, PUBLISHED);
    assertThat(wrong.gradW1()[1][0]).isCloseTo(-3.5232, PUBLISHED);
  }

  @Test
  void outputMistakesOnThePublishedNet() {
    // dL/dp with p = sigmoid(2), y = 0: 1 / (1 - p) = 1 + e^2 = 8.389, not p
    assertThat(new BackpropMistakes.OutputSigmoidDerivativeForgotten().reluNet(HOMEWORK)
        .outputDelta()).isCloseTo(1 + Math.exp(2), within(1e-12));
    assertThat(new BackpropMistakes.OutputDeltaSignFlipped().reluNet(HOMEWORK).outputDelta())
        .isCloseTo(-0.8808, PUBLISHED);
    // gradW2[0][k] = a1_1 * d2k = -1 * 0.8808 instead of h1_1 * d2k = 0
    assertThat(new BackpropMistakes.GradientUsesPreActivation().reluNet(HOMEWORK).gradW2()[0])
        .containsExactly(-SIGMOID_2, -SIGMOID_2);
  }

  /** x = 2, w1 = 0, w2 = 2, w3 = 3 (the Javadoc example). */
  private static final SigmoidChainInput CHAIN = new SigmoidChainInput(2, 0, 2, 3);

  @Test
  void sigmoidChainByHand() {
    // u1 = sigmoid(0 * 2) = 0.5; u2 = sigmoid(2 * 0.5) = sigmoid(1); f = 3 sigmoid(1)
    // df/dw3 = u2; df/dw2 = 3 u2 (1 - u2) * 0.5; df/dw1 = 3 u2 (1 - u2) * 2 * 0.25 * 2
    double u2 = 1 / (1 + Math.exp(-1));
    SigmoidChainOutput out = reference.sigmoidChain(CHAIN);
    assertThat(out.f()).isCloseTo(3 * u2, EXACT).isCloseTo(2.1931757, within(1e-7));
    assertThat(out.dfdw3()).isCloseTo(u2, EXACT);
    assertThat(out.dfdw2()).isCloseTo(1.5 * u2 * (1 - u2), EXACT)
        .isCloseTo(0.2949179, within(1e-7));
    assertThat(out.dfdw1()).isCloseTo(3 * u2 * (1 - u2), EXACT)
        .isCloseTo(0.5898358, within(1e-7));
  }

  @Test
  void sigmoidChainMistakesByHand() {
    // sigmoid' = 1: df/dw2 = w3 u1 = 1.5, df/dw1 = w3 w2 x = 12
    SigmoidChainOutput forgotten = new BackpropMistakes.SigmoidDerivativeForgotten()
        .sigmoidChain(CHAIN);
    assertThat(forgotten.dfdw2()).isCloseTo(1.5, EXACT);
    assertThat(forgotten.dfdw1()).isCloseTo(12, EXACT);
    // a (1 - a) at the outer pre-activation a = w2 u1 = 1 is 0: both derivatives vanish
    SigmoidChainOutput ofPre = new BackpropMistakes.SigmoidDerivativeOfPreActivation()
        .sigmoidChain(CHAIN);
    assertThat(ofPre.dfdw2()).isZero();
    assertThat(ofPre.dfdw1()).isZero();
    // without the final factor x = 2, df/dw1 is halved
    assertThat(new BackpropMistakes.InputDroppedFromFirstWeight().sigmoidChain(CHAIN).dfdw1())
        .isCloseTo(reference.sigmoidChain(CHAIN).dfdw1() / 2, EXACT);
  }

  /** The Javadoc example of tanhSoftmax. */
  private static final TanhSoftmaxInput TANH = new TanhSoftmaxInput(new double[] {1, 2},
      new double[][] {{0.5, -1}, {0, 0.5}}, new double[] {0, 1},
      new double[][] {{1, -1, 0}, {2, 0, -1}}, new double[] {0, 0, 0.5}, 0);

  @Test
  void tanhSoftmaxByHand() {
    // a = (1 * 0.5 + 2 * 0 + 0, 1 * (-1) + 2 * 0.5 + 1) = (0.5, 1), h = tanh(a)
    double h0 = Math.tanh(0.5);
    double h1 = Math.tanh(1);
    // s = (h0 * 1 + h1 * 2 + 0, h0 * (-1) + 0, h1 * (-1) + 0.5)
    double[] s = {h0 + 2 * h1, -h0, 0.5 - h1};
    double norm = Math.exp(s[0]) + Math.exp(s[1]) + Math.exp(s[2]);
    double[] p = {Math.exp(s[0]) / norm, Math.exp(s[1]) / norm, Math.exp(s[2]) / norm};
    // dL/ds = p - (1, 0, 0)
    double[] ds = {p[0] - 1, p[1], p[2]};
    // dL/da_j = (1 - h_j^2) * sum_c w2[j][c] ds_c
    double da0 = (1 - h0 * h0) * (ds[0] - ds[1]);
    double da1 = (1 - h1 * h1) * (2 * ds[0] - ds[2]);
    TanhSoftmaxOutput out = reference.tanhSoftmax(TANH);
    Offset<Double> close = within(1e-14);
    assertThat(out.hidden()).containsExactly(new double[] {h0, h1}, close);
    assertThat(out.probabilities()).containsExactly(p, close);
    assertThat(out.loss()).isCloseTo(-Math.log(p[0]), close).isCloseTo(0.1758362, within(1e-7));
    assertThat(out.gradB2()).containsExactly(ds, close);
    assertThat(out.gradW2()[0]).containsExactly(new double[] {h0 * ds[0], h0 * ds[1], h0 * ds[2]},
        close);
    assertThat(out.gradW2()[1]).containsExactly(new double[] {h1 * ds[0], h1 * ds[1], h1 * ds[2]},
        close);
    assertThat(out.gradB1()).containsExactly(new double[] {da0, da1}, close);
    assertThat(out.gradW1()[0]).containsExactly(new double[] {da0, da1}, close);
    assertThat(out.gradW1()[1]).containsExactly(new double[] {2 * da0, 2 * da1}, close);
    // the Javadoc's printed values (7 decimals, from NumPy)
    assertThat(out.gradB1()).containsExactly(new double[] {-0.1838799, -0.1726800},
        within(1e-7));
  }

  @Test
  void tanhSoftmaxMistakesByHand() {
    TanhSoftmaxOutput right = reference.tanhSoftmax(TANH);
    double[] h = right.hidden();
    // 1 - h instead of 1 - h^2 = (1 - h)(1 + h): the hidden deltas are divided by (1 + h)
    double[] notSquared = new BackpropMistakes.TanhDerivativeNotSquared().tanhSoftmax(TANH)
        .gradB1();
    for (int j = 0; j < 2; j++) {
      assertThat(notSquared[j]).isCloseTo(right.gradB1()[j] / (1 + h[j]), within(1e-15));
    }
    // tanh' = 1: the hidden deltas are divided by (1 - h^2)
    double[] forgotten = new BackpropMistakes.TanhDerivativeForgotten().tanhSoftmax(TANH)
        .gradB1();
    for (int j = 0; j < 2; j++) {
      assertThat(forgotten[j]).isCloseTo(right.gradB1()[j] / (1 - h[j] * h[j]), within(1e-15));
    }
    // without the label dL/ds = p; with the sign flipped dL/ds = t - p
    assertThat(new BackpropMistakes.SoftmaxGradientWithoutLabel().tanhSoftmax(TANH).gradB2())
        .containsExactly(right.probabilities());
    double[] flipped = new BackpropMistakes.SoftmaxDeltaSignFlipped().tanhSoftmax(TANH).gradB2();
    assertThat(flipped).containsExactly(new double[] {1 - right.probabilities()[0],
        -right.probabilities()[1], -right.probabilities()[2]}, within(1e-15));
  }

  @Test
  void hugeScoresDoNotOverflow() {
    // scores near +-800: exp(800) overflows; log-sum-exp after subtracting the max does not
    TanhSoftmaxOutput out = reference.tanhSoftmax(BackpropGenerators.tanhSoftmax()
        .generate(new SplittableRandom(1), 1));
    assertThat(out.loss()).isFinite().isGreaterThan(700);
    ReluNetOutput relu = reference.reluNet(BackpropGenerators.reluNet().generate(new SplittableRandom(3), 3));
    // z = 540, y = 0: L = log(1 + e^540) = 540
    assertThat(relu.z()).isEqualTo(540);
    assertThat(relu.loss()).isEqualTo(540);
  }

  @Test
  void inputsWithWrongShapesAreRejectedWithReadableMessages() {
    assertThatThrownBy(() -> new ReluNetInput(new double[] {1, 2}, new double[][] {{1, 2}},
        new double[][] {{1}, {1}}, new double[] {1}, 0))
        .hasMessage("w1 must have 2 rows (one per unit of the layer below), got 1");
    assertThatThrownBy(() -> new ReluNetInput(new double[] {1}, new double[][] {{1, 2}},
        new double[][] {{1}, {1}}, new double[] {1, 2}, 0))
        .hasMessage("w3 must have length 1 (one weight per unit of hidden layer 2), got 2");
    assertThatThrownBy(() -> new ReluNetInput(new double[] {1}, new double[][] {{1}},
        new double[][] {{1}}, new double[] {1}, -1)).hasMessage("label y must be 0 or 1, got -1");
    assertThatThrownBy(() -> new TanhSoftmaxInput(new double[] {1}, new double[][] {{1}},
        new double[] {0}, new double[][] {{1, 2}}, new double[] {0, 0}, 2))
        .hasMessage("label must be a class index in 0..1, got 2");
    assertThatThrownBy(() -> new TanhSoftmaxInput(new double[] {1}, new double[][] {{1, 2}},
        new double[] {0}, new double[][] {{1, 2}, {3, 4}}, new double[] {0, 0}, 0))
        .hasMessage("b1 must have length 2 (one bias per hidden unit), got 1");
  }
}
