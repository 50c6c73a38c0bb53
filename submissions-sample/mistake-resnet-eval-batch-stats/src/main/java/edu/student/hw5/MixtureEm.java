package edu.student.hw5;

import org.mlgrade.api.em.BernoulliMixtureEm;
import org.mlgrade.api.em.EStepInput;
import org.mlgrade.api.em.EStepOutput;
import org.mlgrade.api.em.FitInput;
import org.mlgrade.api.em.FitOutput;
import org.mlgrade.api.em.LogLikelihoodInput;
import org.mlgrade.api.em.LogLikelihoodOutput;
import org.mlgrade.api.em.MStepInput;
import org.mlgrade.api.em.MStepOutput;

/** EM for a mixture of Bernoullis, everything in log space. */
public class MixtureEm implements BernoulliMixtureEm {

  /** logJoint[n][k] = log pi_k + sum_d log P(x_nd | p_kd). */
  private static double[][] logJoint(int[][] x, double[] pi, double[][] p) {
    int rows = x.length;
    int comps = pi.length;
    double[][] out = new double[rows][comps];
    for (int n = 0; n < rows; n++) {
      for (int k = 0; k < comps; k++) {
        double acc = Math.log(pi[k]);
        for (int d = 0; d < x[n].length && acc != Double.NEGATIVE_INFINITY; d++) {
          if (x[n][d] == 1) {
            acc += Math.log(p[k][d]);
          } else {
            acc += Math.log1p(-p[k][d]);
          }
        }
        out[n][k] = acc;
      }
    }
    return out;
  }

  /** log of sum_k exp(a[k]), shifted by the largest entry. */
  private static double logSumExp(double[] a) {
    double best = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      best = Math.max(best, v);
    }
    if (best == Double.NEGATIVE_INFINITY) {
      return best;
    }
    double total = 0;
    for (double v : a) {
      total += Math.exp(v - best);
    }
    return best + Math.log(total);
  }

  private static double[][] responsibilities(int[][] x, double[] pi, double[][] p) {
    double[][] a = logJoint(x, pi, p);
    for (int n = 0; n < a.length; n++) {
      double norm = logSumExp(a[n]);
      for (int k = 0; k < a[n].length; k++) {
        a[n][k] = Math.exp(a[n][k] - norm);
      }
    }
    return a;
  }

  private static double totalLogLikelihood(int[][] x, double[] pi, double[][] p) {
    double[][] a = logJoint(x, pi, p);
    double sum = 0;
    for (double[] row : a) {
      sum += logSumExp(row);
    }
    return sum;
  }

  private static MStepOutput maximise(int[][] x, double[][] r, double[][] previousP,
      double alpha) {
    int rows = x.length;
    int dims = x[0].length;
    int comps = r[0].length;
    double[] pi = new double[comps];
    double[][] p = new double[comps][dims];
    for (int k = 0; k < comps; k++) {
      double nk = 0;
      for (int n = 0; n < rows; n++) {
        nk += r[n][k];
      }
      if (nk == 0) {
        pi[k] = 0;
        p[k] = previousP[k].clone();
        continue;
      }
      pi[k] = nk / rows;
      for (int d = 0; d < dims; d++) {
        double ones = 0;
        for (int n = 0; n < rows; n++) {
          if (x[n][d] == 1) {
            ones += r[n][k];
          }
        }
        p[k][d] = (ones + alpha) / (nk + 2 * alpha);
      }
    }
    return new MStepOutput(pi, p);
  }

  @Override
  public EStepOutput eStep(EStepInput input) {
    return new EStepOutput(responsibilities(input.x(), input.pi(), input.p()));
  }

  @Override
  public MStepOutput mStep(MStepInput input) {
    return maximise(input.x(), input.responsibilities(), input.previousP(), input.smoothing());
  }

  @Override
  public LogLikelihoodOutput logLikelihood(LogLikelihoodInput input) {
    return new LogLikelihoodOutput(totalLogLikelihood(input.x(), input.pi(), input.p()));
  }

  @Override
  public FitOutput fit(FitInput input) {
    int[][] x = input.x();
    double[] pi = input.pi().clone();
    double[][] p = new double[input.p().length][];
    for (int k = 0; k < p.length; k++) {
      p[k] = input.p()[k].clone();
    }
    double[] trace = new double[input.maxIterations() + 1];
    trace[0] = totalLogLikelihood(x, pi, p);
    int t = 0;
    while (t < input.maxIterations()) {
      double[][] r = responsibilities(x, pi, p);
      MStepOutput next = maximise(x, r, p, input.smoothing());
      pi = next.pi();
      p = next.p();
      t++;
      trace[t] = totalLogLikelihood(x, pi, p);
      if (input.tolerance() > 0 && trace[t] - trace[t - 1] < input.tolerance()) {
        break;
      }
    }
    double[] used = new double[t + 1];
    System.arraycopy(trace, 0, used, 0, t + 1);
    return new FitOutput(pi, p, used, t);
  }
}
