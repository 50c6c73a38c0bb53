package org.mlgrade.reference.problems.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mlgrade.api.backprop.Backprop;
import org.mlgrade.api.backprop.TanhSoftmaxInput;
import org.mlgrade.api.backprop.TanhSoftmaxOutput;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemRegistry;
import org.mlgrade.reference.Tolerance;

/**
 * The tanh/softmax gradients that drop the factor a weight multiplies, on a network small enough
 * to derive by hand: x = [2], w1 = [[atanh(0.5) / 2]], b1 = [0] so hidden = tanh(atanh 0.5) =
 * 0.5;
 * w2 = [[1, -1]], b2 = [0, 0], label 0, so s = [0.5, -0.5] and p_0 = sigmoid(1) =
 * 0.7310585786300049. Then dL/ds = [p_0 - 1, 1 - p_0] = [-0.2689414213699951, 0.26894...], dL/da =
 * tanh'(a) (w2 . dL/ds) = 0.75 * (-0.5378828427399902) = -0.40341213205499265 and dL/dw1 = x *
 * dL/da = -0.8068242641099853.
 */
class DroppedFactorMistakesTest {

  private static final double Q = 0.2689414213699951; // 1 - sigmoid(1)
  private static final TanhSoftmaxInput INPUT = new TanhSoftmaxInput(new double[] {2},
      new double[][] {{0.27465307216702745}}, new double[] {0}, new double[][] {{1, -1}},
      new double[] {0, 0}, 0);

  @SuppressWarnings("unchecked")
  private static final Problem<Backprop, TanhSoftmaxInput, TanhSoftmaxOutput> PROBLEM =
      (Problem<Backprop, TanhSoftmaxInput, TanhSoftmaxOutput>) ProblemRegistry.standard()
          .find("backprop.tanh-softmax").orElseThrow();

  private static TanhSoftmaxOutput answer(String id) {
    KnownMistake<Backprop> mistake = PROBLEM.knownMistakes().stream()
        .filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    return mistake.solver().tanhSoftmax(INPUT);
  }

  private static void namedAlone(TanhSoftmaxOutput wrong, String id) {
    assertThat(PROBLEM.diagnose(INPUT, PROBLEM.expected(INPUT), wrong, Tolerance.DEFAULT)
        .matchIds()).containsExactly(id);
  }

  @Test
  void theReferenceMatchesTheHandDerivation() {
    TanhSoftmaxOutput right = PROBLEM.expected(INPUT);
    assertThat(right.hidden()[0]).isCloseTo(0.5, within(1e-15));
    assertThat(right.gradB2()).containsExactly(new double[] {-Q, Q}, within(1e-15));
    assertThat(right.gradW2()[0]).containsExactly(new double[] {-Q / 2, Q / 2}, within(1e-15));
    assertThat(right.gradB1()[0]).isCloseTo(-0.40341213205499265, within(1e-15));
    assertThat(right.gradW1()[0][0]).isCloseTo(-0.8068242641099853, within(1e-15));
  }

  @Test
  void outputGradientWithoutHiddenIsDLdsItself() {
    // dL/dw2[0][c] = dL/ds[c], not hidden * dL/ds[c] = dL/ds[c] / 2
    TanhSoftmaxOutput wrong = answer("output-gradient-without-hidden");
    assertThat(wrong.gradW2()[0]).containsExactly(new double[] {-Q, Q}, within(1e-15));
    namedAlone(wrong, "output-gradient-without-hidden");
  }

  @Test
  void firstGradientWithoutInputIsDLdaItself() {
    // dL/dw1[0][0] = dL/da = -0.403..., not x * dL/da = -0.806...
    TanhSoftmaxOutput wrong = answer("first-gradient-without-input");
    assertThat(wrong.gradW1()[0][0]).isCloseTo(-0.40341213205499265, within(1e-15));
    namedAlone(wrong, "first-gradient-without-input");
  }

  @Test
  void tanhFactorDroppedInTheFirstLayer() {
    // dL/da = w2 . dL/ds = -0.5378828427399902 without tanh'(a) = 0.75; dL/dw1 twice that
    TanhSoftmaxOutput wrong = answer("tanh-derivative-forgotten");
    assertThat(wrong.gradB1()[0]).isCloseTo(-2 * Q, within(1e-15));
    assertThat(wrong.gradW1()[0][0]).isCloseTo(-4 * Q, within(1e-15));
    namedAlone(wrong, "tanh-derivative-forgotten");
  }
}
