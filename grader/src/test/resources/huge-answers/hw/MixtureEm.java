package hw;

import org.mlgrade.api.em.BernoulliMixtureEm;
import org.mlgrade.api.em.EStepInput;
import org.mlgrade.api.em.EStepOutput;
import org.mlgrade.api.em.FitInput;
import org.mlgrade.api.em.FitOutput;
import org.mlgrade.api.em.LogLikelihoodInput;
import org.mlgrade.api.em.LogLikelihoodOutput;
import org.mlgrade.api.em.MStepInput;
import org.mlgrade.api.em.MStepOutput;

/** Three huge answers. */
public class MixtureEm implements BernoulliMixtureEm {

  @Override
  public EStepOutput eStep(EStepInput input) {
    return new EStepOutput(Huge.matrix());
  }

  @Override
  public MStepOutput mStep(MStepInput input) {
    return new MStepOutput(Huge.vector(), new double[][] {{0.5}});
  }

  @Override
  public LogLikelihoodOutput logLikelihood(LogLikelihoodInput input) {
    throw new UnsupportedOperationException("not done");
  }

  @Override
  public FitOutput fit(FitInput input) {
    return new FitOutput(Huge.vector(), new double[][] {{0.5}}, new double[] {0}, 1);
  }
}
