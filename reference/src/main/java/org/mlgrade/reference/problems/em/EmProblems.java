package org.mlgrade.reference.problems.em;

import java.util.List;
import org.mlgrade.api.em.BernoulliMixtureEm;
import org.mlgrade.api.em.EStepInput;
import org.mlgrade.api.em.EStepOutput;
import org.mlgrade.api.em.FitInput;
import org.mlgrade.api.em.FitOutput;
import org.mlgrade.api.em.LogLikelihoodInput;
import org.mlgrade.api.em.LogLikelihoodOutput;
import org.mlgrade.api.em.MStepInput;
import org.mlgrade.api.em.MStepOutput;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemProvider;

/** The EM-for-a-mixture-of-Bernoullis problems, one per method of {@link BernoulliMixtureEm}. */
public final class EmProblems implements ProblemProvider {

  /** For {@link java.util.ServiceLoader}; {@link #all()} is the same list without one. */
  public EmProblems() {}

  @Override
  public List<Problem<?, ?, ?>> problems() {
    return all();
  }

  /** {@code em.e-step}, {@code em.m-step}, {@code em.log-likelihood} and {@code em.fit}. */
  public static List<Problem<?, ?, ?>> all() {
    BernoulliMixtureEm reference = new BernoulliMixtureReference();
    return List.of(
        Problem.of("em.e-step", "EM for a Bernoulli mixture: E-step responsibilities",
            BernoulliMixtureEm.class, "eStep", EStepInput.class, EStepOutput.class,
            BernoulliMixtureEm::eStep, reference, BernoulliMixtureInputs.eStep(),
            BernoulliMixtureMistakes.eStep()),
        Problem.of("em.m-step", "EM for a Bernoulli mixture: M-step",
            BernoulliMixtureEm.class, "mStep", MStepInput.class, MStepOutput.class,
            BernoulliMixtureEm::mStep, reference, BernoulliMixtureInputs.mStep(),
            BernoulliMixtureMistakes.mStep()),
        Problem.of("em.log-likelihood", "EM for a Bernoulli mixture: log-likelihood",
            BernoulliMixtureEm.class, "logLikelihood", LogLikelihoodInput.class,
            LogLikelihoodOutput.class, BernoulliMixtureEm::logLikelihood, reference,
            BernoulliMixtureInputs.logLikelihood(), BernoulliMixtureMistakes.logLikelihood()),
        Problem.of("em.fit", "EM for a Bernoulli mixture: a full run",
            BernoulliMixtureEm.class, "fit", FitInput.class, FitOutput.class,
            BernoulliMixtureEm::fit, reference, BernoulliMixtureInputs.fit(),
            BernoulliMixtureMistakes.fit()));
  }
}
