package org.mlgrade.reference.problems.logreg;

import java.util.List;
import org.mlgrade.api.logreg.LogisticModel;
import org.mlgrade.api.logreg.LogisticRegressionSgd;
import org.mlgrade.api.logreg.LossInput;
import org.mlgrade.api.logreg.LossOutput;
import org.mlgrade.api.logreg.SgdEpochInput;
import org.mlgrade.api.logreg.SgdStepInput;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemProvider;

/** The logistic-regression SGD problems: one SGD step, one epoch, and the loss. */
public final class LogisticRegressionProblems implements ProblemProvider {

  /** For {@link java.util.ServiceLoader}; {@link #all()} is the same list without one. */
  public LogisticRegressionProblems() {}

  @Override
  public List<Problem<?, ?, ?>> problems() {
    return all();
  }

  /** {@code logreg.sgd-step}, {@code logreg.sgd-epoch} and {@code logreg.loss}. */
  public static List<Problem<?, ?, ?>> all() {
    LogisticRegressionSgd reference = new LogisticRegressionReference();
    return List.of(
        Problem.of("logreg.sgd-step", "Logistic regression: one SGD step",
            LogisticRegressionSgd.class, "step", SgdStepInput.class, LogisticModel.class,
            LogisticRegressionSgd::step, reference, LogisticRegressionGenerators.step(),
            LogisticRegressionMistakes.step()),
        Problem.of("logreg.sgd-epoch", "Logistic regression: one SGD epoch in the given order",
            LogisticRegressionSgd.class, "epoch", SgdEpochInput.class, LogisticModel.class,
            LogisticRegressionSgd::epoch, reference, LogisticRegressionGenerators.epoch(),
            LogisticRegressionMistakes.epoch()),
        Problem.of("logreg.loss", "Logistic regression: cross-entropy loss, per example and mean",
            LogisticRegressionSgd.class, "loss", LossInput.class, LossOutput.class,
            LogisticRegressionSgd::loss, reference, LogisticRegressionGenerators.loss(),
            LogisticRegressionMistakes.loss()));
  }
}
