package org.mlgrade.reference.problems.logreg;

import static org.mlgrade.reference.HighPrecision.MC;
import static org.mlgrade.reference.HighPrecision.assertClose;
import static org.mlgrade.reference.HighPrecision.of;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.logreg.LogisticModel;
import org.mlgrade.api.logreg.LossInput;
import org.mlgrade.api.logreg.LossOutput;
import org.mlgrade.api.logreg.SgdStepInput;
import org.mlgrade.reference.HighPrecision;

/**
 * The logistic-regression reference against a 60-digit evaluation of the formulas ({@link
 * HighPrecision}), to 1e-12 relative, on saturated and tiny scores and on random models: {@code L
 * = log(1 + e^z) - y z} and the step {@code w - eta (sigmoid(z) - y) x}.
 */
class LogisticRegressionPrecisionTest {

  /** Scores where sigmoid saturates, where softplus(z) - z cancels, and tiny ones. */
  static final double[] EXTREME_SCORES = {0, 1e-300, -1e-300, 1e-10, -1e-10, 1, -1, 20, -20, 30,
      -30, 36.9, 37, -37, 40, 100, -100, 700, -700, 745, -745, 1e5, -1e5};

  private final LogisticRegressionReference reference = new LogisticRegressionReference();

  private static BigDecimal score(double[] w, double b, double[] x) {
    BigDecimal z = of(b);
    for (int i = 0; i < w.length; i++) {
      z = z.add(of(w[i]).multiply(of(x[i])));
    }
    return z;
  }

  /** The textbook {@code -log P(y | x)}: {@code log(1 + e^-z)} for y = 1, {@code log(1 + e^z)}. */
  private static BigDecimal loss(BigDecimal z, int y) {
    return HighPrecision.softplus(y == 1 ? z.negate() : z);
  }

  @Test
  void lossIsExactOnExtremeScores() {
    // the issue's example: at z = 30 with y = 1 the loss was 9.237e-14, truly 9.358e-14
    for (double z : EXTREME_SCORES) {
      for (int y = 0; y <= 1; y++) {
        LossOutput out = reference.loss(new LossInput(new LogisticModel(new double[] {1}, 0),
            new double[][] {{z}}, new int[] {y}));
        assertClose(out.perExample()[0], loss(of(z), y), "loss(z=" + z + ", y=" + y + ")");
      }
    }
  }

  @Test
  void lossAndStepAreExactOnRandomModels() {
    SplittableRandom random = new SplittableRandom(9_2026);
    for (int trial = 0; trial < 300; trial++) {
      int d = 1 + random.nextInt(5);
      int n = 1 + random.nextInt(4);
      double scale = Math.pow(10, random.nextInt(-3, 3));
      double[] w = random.doubles(d, -scale, scale).toArray();
      double b = random.nextDouble(-scale, scale);
      double[][] xs = new double[n][];
      int[] ys = new int[n];
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = 0; i < n; i++) {
        xs[i] = random.doubles(d, -5, 5).toArray();
        ys[i] = random.nextInt(2);
        sum = sum.add(loss(score(w, b, xs[i]), ys[i]), MC);
      }
      LossOutput out = reference.loss(new LossInput(new LogisticModel(w, b), xs, ys));
      for (int i = 0; i < n; i++) {
        assertClose(out.perExample()[i], loss(score(w, b, xs[i]), ys[i]), "loss #" + trial);
      }
      assertClose(out.mean(), sum.divide(BigDecimal.valueOf(n), MC), "mean loss #" + trial);
      double eta = random.nextDouble(0.001, 2);
      LogisticModel after = reference.step(new SgdStepInput(new LogisticModel(w, b), xs[0],
          ys[0], eta));
      BigDecimal residual = HighPrecision.sigmoid(score(w, b, xs[0]))
          .subtract(BigDecimal.valueOf(ys[0]), MC).multiply(of(eta), MC);
      for (int i = 0; i < d; i++) {
        assertClose(after.w()[i], of(w[i]).subtract(residual.multiply(of(xs[0][i]), MC), MC),
            "w[" + i + "] after a step #" + trial);
      }
      assertClose(after.b(), of(b).subtract(residual, MC), "b after a step #" + trial);
    }
  }
}
