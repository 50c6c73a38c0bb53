package org.mlgrade.reference.problems.logreg;

import java.util.List;
import org.mlgrade.api.logreg.LogisticModel;
import org.mlgrade.api.logreg.LogisticRegressionSgd;
import org.mlgrade.api.logreg.SgdEpochInput;
import org.mlgrade.reference.KnownMistake;

/** Wrong answers real students give, each the reference with one step changed. */
final class LogisticRegressionMistakes {

  private LogisticRegressionMistakes() {}

  /** Uses the raw score: {@code dL/dw = (z - y) x} instead of {@code (sigmoid(z) - y) x}. */
  static final class ScoreInsteadOfSigmoid extends LogisticRegressionReference {
    @Override
    protected double dLossDz(double z, int y) {
      return z - y;
    }
  }

  /** Steps along the gradient: {@code w + eta (sigmoid(z) - y) x}. */
  static final class GradientAscent extends LogisticRegressionReference {
    @Override
    protected LogisticModel update(LogisticModel model, double[] x, int y, double eta) {
      return super.update(model, x, y, -eta);
    }
  }

  /** Updates the weights but leaves the bias where it was. */
  static final class BiasNotUpdated extends LogisticRegressionReference {
    @Override
    protected LogisticModel update(LogisticModel model, double[] x, int y, double eta) {
      return new LogisticModel(super.update(model, x, y, eta).w(), model.b());
    }
  }

  /** Computes every example's step from the parameters at the start of the epoch, then adds. */
  static final class StaleWeightsInEpoch extends LogisticRegressionReference {
    @Override
    public LogisticModel epoch(SgdEpochInput input) {
      LogisticModel start = input.model();
      double[] w = start.w().clone();
      double b = start.b();
      for (int n = 0; n < input.xs().length; n++) {
        LogisticModel moved = update(start, input.xs()[n], input.ys()[n], input.eta());
        for (int i = 0; i < w.length; i++) {
          w[i] += moved.w()[i] - start.w()[i];
        }
        b += moved.b() - start.b();
      }
      return new LogisticModel(w, b);
    }
  }

  /** Evaluates {@code -[y log s + (1 - y) log(1 - s)]} literally: infinity or NaN for large |z|. */
  static final class NaiveLoss extends LogisticRegressionReference {
    @Override
    protected double exampleLoss(double z, int y) {
      double s = 1 / (1 + Math.exp(-z));
      return -(y * Math.log(s) + (1 - y) * Math.log(1 - s));
    }
  }

  /** Reports the sum of the per-example losses as the mean. */
  static final class SumInsteadOfMean extends LogisticRegressionReference {
    @Override
    protected double mean(double[] losses) {
      return super.mean(losses) * losses.length;
    }
  }

  /** Uses the other class's probability: {@code -log P(y = 1 - label)}. */
  static final class LabelFlipped extends LogisticRegressionReference {
    @Override
    protected double exampleLoss(double z, int y) {
      return super.exampleLoss(z, 1 - y);
    }
  }

  static List<KnownMistake<LogisticRegressionSgd>> step() {
    return List.of(
        new KnownMistake<>("score-instead-of-sigmoid",
            "The gradient uses the score z instead of sigmoid(z): it is (sigmoid(z) - y) x, "
                + "not (z - y) x.",
            new ScoreInsteadOfSigmoid()),
        new KnownMistake<>("gradient-ascent",
            "The step goes up the gradient: subtract eta (sigmoid(z) - y) x, do not add it.",
            new GradientAscent()),
        new KnownMistake<>("bias-not-updated",
            "The bias is not updated: b also moves, b <- b - eta (sigmoid(z) - y).",
            new BiasNotUpdated()));
  }

  static List<KnownMistake<LogisticRegressionSgd>> epoch() {
    return List.of(
        step().get(0),
        step().get(1),
        step().get(2),
        new KnownMistake<>("stale-weights-in-epoch",
            "Every step of the epoch used the parameters from the start of the epoch; each step "
                + "must start from the parameters the previous step returned.",
            new StaleWeightsInEpoch()));
  }

  static List<KnownMistake<LogisticRegressionSgd>> loss() {
    return List.of(
        new KnownMistake<>("naive-loss-overflows",
            "The loss overflows to infinity or NaN for large |z|: compute log(1 + e^z) - y z "
                + "as max(z, 0) + log1p(e^-|z|) - y z.",
            new NaiveLoss()),
        new KnownMistake<>("sum-instead-of-mean",
            "The mean loss is the sum of the per-example losses; divide by the number of "
                + "examples.",
            new SumInsteadOfMean()),
        new KnownMistake<>("label-flipped",
            "The loss uses the probability of the wrong class: it is -log P(y = label), with "
                + "P(y = 1) = sigmoid(z).",
            new LabelFlipped()));
  }
}
