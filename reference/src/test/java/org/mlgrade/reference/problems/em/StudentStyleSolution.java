package org.mlgrade.reference.problems.em;

import java.util.Arrays;
import org.mlgrade.api.em.BernoulliMixtureEm;
import org.mlgrade.api.em.EStepInput;
import org.mlgrade.api.em.EStepOutput;
import org.mlgrade.api.em.FitInput;
import org.mlgrade.api.em.FitOutput;
import org.mlgrade.api.em.LogLikelihoodInput;
import org.mlgrade.api.em.LogLikelihoodOutput;
import org.mlgrade.api.em.MStepInput;
import org.mlgrade.api.em.MStepOutput;

/**
 * A correct solution written the way a student would, from the handout alone and differently
 * from the reference: log1p, responsibilities as exp(a - max) / sum, loops in another order, and a
 * fit that calls its own methods through the input records. It must pass every generated test,
 * or the grader would fail correct students on rounding.
 */
class StudentStyleSolution implements BernoulliMixtureEm {

  private static double[][] logJoint(int[][] x, double[] pi, double[][] p) {
    int n = x.length;
    int k = pi.length;
    double[][] a = new double[n][k];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < n; i++) {
        a[i][c] = Math.log(pi[c]);
      }
      for (int d = p[c].length - 1; d >= 0; d--) {
        double one = Math.log(p[c][d]);
        double zero = Math.log1p(-p[c][d]);
        for (int i = 0; i < n; i++) {
          a[i][c] += x[i][d] == 1 ? one : zero;
        }
      }
    }
    return a;
  }

  @Override
  public EStepOutput eStep(EStepInput input) {
    double[][] a = logJoint(input.x(), input.pi(), input.p());
    for (double[] row : a) {
      double m = Double.NEGATIVE_INFINITY;
      for (double v : row) {
        m = Math.max(m, v);
      }
      double sum = 0;
      for (int c = 0; c < row.length; c++) {
        row[c] = Math.exp(row[c] - m);
        sum += row[c];
      }
      for (int c = 0; c < row.length; c++) {
        row[c] /= sum;
      }
    }
    return new EStepOutput(a);
  }

  @Override
  public LogLikelihoodOutput logLikelihood(LogLikelihoodInput input) {
    double total = 0;
    for (double[] row : logJoint(input.x(), input.pi(), input.p())) {
      double m = Double.NEGATIVE_INFINITY;
      for (double v : row) {
        m = Math.max(m, v);
      }
      double sum = 0;
      for (double v : row) {
        sum += Math.exp(v - m);
      }
      total += m + Math.log(sum);
    }
    return new LogLikelihoodOutput(total);
  }

  @Override
  public MStepOutput mStep(MStepInput input) {
    int[][] x = input.x();
    double[][] r = input.responsibilities();
    int k = r[0].length;
    int dims = x[0].length;
    double alpha = input.smoothing();
    double[] nk = new double[k];
    double[][] s = new double[k][dims];
    for (int i = 0; i < x.length; i++) {
      for (int c = 0; c < k; c++) {
        nk[c] += r[i][c];
        for (int d = 0; d < dims; d++) {
          s[c][d] += r[i][c] * x[i][d];
        }
      }
    }
    double[] pi = new double[k];
    double[][] p = new double[k][dims];
    for (int c = 0; c < k; c++) {
      pi[c] = nk[c] / x.length;
      for (int d = 0; d < dims; d++) {
        p[c][d] = nk[c] == 0 ? input.previousP()[c][d] : (s[c][d] + alpha) / (nk[c] + 2 * alpha);
      }
    }
    return new MStepOutput(pi, p);
  }

  @Override
  public FitOutput fit(FitInput input) {
    double[] pi = input.pi();
    double[][] p = input.p();
    double[] trace = new double[input.maxIterations() + 1];
    trace[0] = logLikelihood(new LogLikelihoodInput(input.x(), pi, p)).logLikelihood();
    int t = 0;
    while (t < input.maxIterations()) {
      t++;
      double[][] r = eStep(new EStepInput(input.x(), pi, p)).responsibilities();
      MStepOutput next = mStep(new MStepInput(input.x(), r, p, input.smoothing()));
      pi = next.pi();
      p = next.p();
      trace[t] = logLikelihood(new LogLikelihoodInput(input.x(), pi, p)).logLikelihood();
      if (input.tolerance() > 0 && trace[t] - trace[t - 1] < input.tolerance()) {
        break;
      }
    }
    return new FitOutput(pi, p, Arrays.copyOf(trace, t + 1), t);
  }
}
