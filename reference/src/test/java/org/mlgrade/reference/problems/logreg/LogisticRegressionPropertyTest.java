package org.mlgrade.reference.problems.logreg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.mlgrade.api.logreg.LogisticModel;
import org.mlgrade.api.logreg.LossInput;
import org.mlgrade.api.logreg.LossOutput;
import org.mlgrade.api.logreg.SgdEpochInput;
import org.mlgrade.api.logreg.SgdStepInput;

/**
 * Invariants over random models: the SGD step is {@code -eta} times the central finite-difference
 * gradient of the textbook loss {@code -log P(y | x)} (written out independently), an epoch of one example is one step, and the loss satisfies {@code L(z,
 * 1) - L(z, 0) = -z}.
 */
class LogisticRegressionPropertyTest {

  private static final double H = 1e-6;
  private final LogisticRegressionReference reference = new LogisticRegressionReference();

  /**
   * The textbook loss {@code -log P(y | x)}, written independently of the reference: {@code
   * -log sigmoid(z) = log(1 + e^-z)} for {@code y = 1} and {@code -log(1 - sigmoid(z)) = log(1 +
   * e^z)} for {@code y = 0} (log1p, so that the finite differences do not lose digits to {@code
   * 1 - sigmoid(z)}); fine for the moderate scores of these tests.
   */
  private static double textbookLoss(double[] w, double b, double[] x, int y) {
    double z = b;
    for (int i = 0; i < w.length; i++) {
      z += w[i] * x[i];
    }
    return y == 1 ? Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  }

  @RepeatedTest(50)
  void stepIsMinusEtaTimesTheFiniteDifferenceGradient(RepetitionInfo repetition) {
    SplittableRandom random = new SplittableRandom(1000 + repetition.getCurrentRepetition());
    int d = 1 + random.nextInt(6);
    double[] w = random.doubles(d, -2, 2).toArray();
    double b = random.nextDouble(-1, 1);
    double[] x = random.doubles(d, -3, 3).toArray();
    int y = random.nextInt(2);
    double eta = random.nextDouble(0.01, 1);
    LogisticModel after = reference.step(new SgdStepInput(new LogisticModel(w, b), x, y, eta));
    for (int i = 0; i < d; i++) {
      double[] plus = w.clone();
      double[] minus = w.clone();
      plus[i] += H;
      minus[i] -= H;
      double gradient = (textbookLoss(plus, b, x, y) - textbookLoss(minus, b, x, y)) / (2 * H);
      assertThat((w[i] - after.w()[i]) / eta).as("dL/dw[%d]", i)
          .isCloseTo(gradient, within(1e-7 + 1e-6 * Math.abs(gradient)));
    }
    double gradientB = (textbookLoss(w, b + H, x, y) - textbookLoss(w, b - H, x, y)) / (2 * H);
    assertThat((b - after.b()) / eta).as("dL/db")
        .isCloseTo(gradientB, within(1e-7 + 1e-6 * Math.abs(gradientB)));
  }

  @RepeatedTest(20)
  void epochOfOneExampleIsOneStep(RepetitionInfo repetition) {
    SplittableRandom random = new SplittableRandom(2000 + repetition.getCurrentRepetition());
    int d = 1 + random.nextInt(5);
    LogisticModel model =
        new LogisticModel(random.doubles(d, -2, 2).toArray(), random.nextDouble(-1, 1));
    double[] x = random.doubles(d, -3, 3).toArray();
    int y = random.nextInt(2);
    LogisticModel step = reference.step(new SgdStepInput(model, x, y, 0.3));
    LogisticModel epoch =
        reference.epoch(new SgdEpochInput(model, new double[][] {x}, new int[] {y}, 0.3));
    assertThat(epoch.w()).containsExactly(step.w());
    assertThat(epoch.b()).isEqualTo(step.b());
  }

  @RepeatedTest(20)
  void lossesOfTheTwoLabelsDifferByTheScore(RepetitionInfo repetition) {
    // L(z, 1) - L(z, 0) = [log(1 + e^z) - z] - log(1 + e^z) = -z, also for |z| in the hundreds
    SplittableRandom random = new SplittableRandom(3000 + repetition.getCurrentRepetition());
    double scale = repetition.getCurrentRepetition() % 2 == 0 ? 200 : 2;
    double w = random.nextDouble(-scale, scale);
    double[][] xs = {{1}, {1}};
    LossOutput loss =
        reference.loss(new LossInput(new LogisticModel(new double[] {w}, 0), xs, new int[] {1, 0}));
    for (double l : loss.perExample()) {
      assertThat(l).isFinite().isNotNegative();
    }
    assertThat(loss.perExample()[0] - loss.perExample()[1])
        .isCloseTo(-w, within(1e-12 * Math.max(1, Math.abs(w))));
    assertThat(loss.mean()).isEqualTo((loss.perExample()[0] + loss.perExample()[1]) / 2);
  }
}
