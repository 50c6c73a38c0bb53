package org.mlgrade.reference.problems.logreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mlgrade.api.logreg.LogisticModel;
import org.mlgrade.api.logreg.LogisticRegressionSgd;
import org.mlgrade.api.logreg.LossInput;
import org.mlgrade.api.logreg.LossOutput;
import org.mlgrade.api.logreg.SgdEpochInput;
import org.mlgrade.api.logreg.SgdStepInput;

/** Hand-derived numbers (the Javadoc's worked examples) and the known mistakes' wrong answers. */
class LogisticRegressionReferenceTest {

  private static final double SIGMOID_1 = 1 / (1 + Math.exp(-1)); // 0.7310585786300049

  private final LogisticRegressionSgd reference = new LogisticRegressionReference();

  // w = (0, 0), b = 0, x = (1, 2), y = 1, eta = 0.5: z = 0, sigmoid(0) - 1 = -0.5
  private static final SgdStepInput HAND_STEP =
      new SgdStepInput(new LogisticModel(new double[] {0, 0}, 0), new double[] {1, 2}, 1, 0.5);

  @Test
  void stepMovesAgainstTheGradientByHand() {
    // w = (0 - 0.5 * (-0.5) * 1, 0 - 0.5 * (-0.5) * 2) = (0.25, 0.5); b = 0 - 0.5 * (-0.5) = 0.25
    LogisticModel after = reference.step(HAND_STEP);
    assertThat(after.w()).containsExactly(0.25, 0.5);
    assertThat(after.b()).isEqualTo(0.25);
  }

  @Test
  void stepDoesNotModifyItsInput() {
    reference.step(HAND_STEP);
    assertThat(HAND_STEP.model().w()).containsExactly(0, 0);
  }

  @Test
  void epochChainsStepsInOrderByHand() {
    // step 1: z = 0, residual 0.5 - 1 = -0.5, w = b = 0.5
    // step 2: z = 0.5 * 1 + 0.5 = 1, residual sigmoid(1) - 0, w = b = 0.5 - sigmoid(1)
    LogisticModel after = reference.epoch(new SgdEpochInput(
        new LogisticModel(new double[] {0}, 0), new double[][] {{1}, {1}}, new int[] {1, 0}, 1));
    assertThat(after.w()[0]).isCloseTo(0.5 - SIGMOID_1, within(1e-15));
    assertThat(after.b()).isCloseTo(0.5 - SIGMOID_1, within(1e-15));
    assertThat(after.b()).isCloseTo(-0.2310586, within(1e-7));
  }

  @Test
  void lossOfTheJavadocExampleByHand() {
    // z_0 = 1 * 1 - 1 * 0.5 + 0.5 = 1 with y = 1: L = -log sigmoid(1) = log(1 + e^-1)
    // z_1 = 0 - 3 + 0.5 = -2.5 with y = 0: L = -log(1 - sigmoid(-2.5)) = log(1 + e^-2.5)
    LossOutput loss = reference.loss(new LossInput(new LogisticModel(new double[] {1, -1}, 0.5),
        new double[][] {{1, 0.5}, {0, 3}}, new int[] {1, 0}));
    double l0 = Math.log(1 + Math.exp(-1));
    double l1 = Math.log(1 + Math.exp(-2.5));
    assertThat(loss.perExample()[0]).isCloseTo(l0, within(1e-15));
    assertThat(loss.perExample()[1]).isCloseTo(l1, within(1e-15));
    assertThat(loss.mean()).isCloseTo((l0 + l1) / 2, within(1e-15));
    assertThat(loss.mean()).isCloseTo(0.1960757, within(1e-7));
  }

  @Test
  void lossStaysFiniteForLargeScores() {
    // z = 100 * 8 = 800: L(800, 0) = log(1 + e^800) = 800 + log(1 + e^-800) = 800 in double;
    // L(800, 1) = log(1 + e^-800) ~ 0; L(-800, 1) = 800; L(-800, 0) ~ 0.
    LossOutput loss = reference.loss(new LossInput(new LogisticModel(new double[] {100}, 0),
        new double[][] {{8}, {8}, {-8}, {-8}}, new int[] {0, 1, 1, 0}));
    assertThat(loss.perExample()).containsExactly(800, 0, 800, 0);
    assertThat(loss.mean()).isEqualTo(400);
  }

  @Test
  void scoreInsteadOfSigmoidGivesTheStudentFormula() {
    // the real student answer dL/dw = x (z - y): here z = 0, so (z - y) = -1 and
    // w = (0 + 0.5 * 1, 0 + 0.5 * 2) = (0.5, 1), b = 0.5
    LogisticModel wrong = new LogisticRegressionMistakes.ScoreInsteadOfSigmoid().step(HAND_STEP);
    assertThat(wrong.w()).containsExactly(0.5, 1.0);
    assertThat(wrong.b()).isEqualTo(0.5);
  }

  @Test
  void gradientAscentStepsTheWrongWay() {
    LogisticModel wrong = new LogisticRegressionMistakes.GradientAscent().step(HAND_STEP);
    assertThat(wrong.w()).containsExactly(-0.25, -0.5);
    assertThat(wrong.b()).isEqualTo(-0.25);
  }

  @Test
  void biasNotUpdatedKeepsTheOldBias() {
    LogisticModel wrong = new LogisticRegressionMistakes.BiasNotUpdated().step(HAND_STEP);
    assertThat(wrong.w()).containsExactly(0.25, 0.5);
    assertThat(wrong.b()).isEqualTo(0);
  }

  @Test
  void staleWeightsUseTheEpochStartForEveryStep() {
    // both steps from w = b = 0 (z = 0): residuals -0.5 and +0.5 cancel, the model stays at 0
    LogisticModel wrong = new LogisticRegressionMistakes.StaleWeightsInEpoch().epoch(
        new SgdEpochInput(new LogisticModel(new double[] {0}, 0), new double[][] {{1}, {1}},
            new int[] {1, 0}, 1));
    assertThat(wrong.w()).containsExactly(0);
    assertThat(wrong.b()).isEqualTo(0);
  }

  @Test
  void naiveLossOverflowsToInfinityAndNan() {
    // y = 0, z = 800: sigmoid = 1.0, log(1 - 1.0) = -inf, loss +inf;
    // y = 0, z = -800: sigmoid = 0.0, y log(0) = 0 * (-inf) = NaN
    LossOutput wrong = new LogisticRegressionMistakes.NaiveLoss().loss(new LossInput(
        new LogisticModel(new double[] {100}, 0), new double[][] {{8}, {-8}}, new int[] {0, 0}));
    assertThat(wrong.perExample()[0]).isInfinite();
    assertThat(wrong.perExample()[1]).isNaN();
  }

  @Test
  void sumInsteadOfMeanAndFlippedLabel() {
    // z = 0 for both examples: every loss is log 2, whatever the label
    LossInput zeroScores = new LossInput(new LogisticModel(new double[] {0}, 0),
        new double[][] {{1}, {2}}, new int[] {1, 0});
    assertThat(new LogisticRegressionMistakes.SumInsteadOfMean().loss(zeroScores).mean())
        .isCloseTo(2 * Math.log(2), within(1e-15));
    // z = 1, y = 1: right loss log(1 + e^-1) = 0.3133, flipped loss log(1 + e^1) = 1.3133
    LossInput one = new LossInput(new LogisticModel(new double[] {1}, 0), new double[][] {{1}},
        new int[] {1});
    assertThat(new LogisticRegressionMistakes.LabelFlipped().loss(one).mean())
        .isCloseTo(Math.log(1 + Math.E), within(1e-15));
  }

  @Test
  void inputsWithWrongShapesAreRejectedWithReadableMessages() {
    LogisticModel model = new LogisticModel(new double[] {1, 2}, 0);
    assertThatThrownBy(() -> new SgdStepInput(model, new double[] {1}, 1, 0.1))
        .hasMessage("x has 1 features but the weights w have 2");
    assertThatThrownBy(() -> new SgdStepInput(model, new double[] {1, 2}, 2, 0.1))
        .hasMessage("label of x must be 0 or 1, got 2");
    assertThatThrownBy(() -> new SgdStepInput(model, new double[] {1, 2}, 1, 0))
        .hasMessageContaining("eta");
    assertThatThrownBy(() -> new LossInput(model, new double[][] {{1, 2}}, new int[] {1, 0}))
        .hasMessage("xs has 1 examples but ys has 2 labels");
    assertThatThrownBy(() -> new LossInput(model, new double[0][], new int[0]))
        .hasMessageContaining("at least one example");
  }
}
