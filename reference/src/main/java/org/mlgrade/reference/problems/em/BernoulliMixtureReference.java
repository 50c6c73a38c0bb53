package org.mlgrade.reference.problems.em;

import static org.mlgrade.reference.problems.StableMath.logSumExp;

import java.util.ArrayList;
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

/**
 * The trusted EM for a mixture of Bernoullis, in log space (Bishop, <i>Pattern Recognition and
 * Machine Learning</i>, section 9.3.3, with log-sum-exp).
 *
 * <pre>
 *   a_nk = log pi_k + sum_d (x_nd == 1 ? log p_kd : log(1 - p_kd))
 *   r_nk = exp(a_nk - LSE_n),  LSE_n = m_n + log sum_k exp(a_nk - m_n),  m_n = max_k a_nk
 *   L    = sum_n LSE_n
 *   N_k  = sum_n r_nk,  pi_k = N_k / N,  p_kd = (sum_n r_nk x_nd + alpha) / (N_k + 2 alpha)
 *          (row k of p kept from before when N_k == 0)
 * </pre>
 *
 * <p>The steps are protected methods on plain arrays so that the known mistakes can override one
 * step and inherit the rest, the fit included.
 */
public class BernoulliMixtureReference implements BernoulliMixtureEm {

  /** A mixture: weights pi (K) and means p (K x D). */
  protected record Mixture(double[] pi, double[][] p) {}

  @Override
  public EStepOutput eStep(EStepInput input) {
    return new EStepOutput(responsibilities(logJoint(input.x(), input.pi(), input.p())));
  }

  @Override
  public MStepOutput mStep(MStepInput input) {
    Mixture next = mStep(input.x(), input.responsibilities(), input.previousP(), input.smoothing());
    return new MStepOutput(next.pi(), next.p());
  }

  @Override
  public LogLikelihoodOutput logLikelihood(LogLikelihoodInput input) {
    return new LogLikelihoodOutput(logLikelihood(logJoint(input.x(), input.pi(), input.p())));
  }

  @Override
  public FitOutput fit(FitInput input) {
    int[][] x = input.x();
    Mixture theta = new Mixture(input.pi().clone(), copy(input.p()));
    double[][] a = logJoint(x, theta.pi(), theta.p());
    List<Double> trace = new ArrayList<>();
    trace.add(logLikelihood(a)); // L_0
    int t = 0;
    while (t < input.maxIterations()) {
      t++;
      double[][] r = responsibilities(a); // E step: r[N][K] from theta_{t-1}
      theta = fitMStep(x, r, theta, input.smoothing()); // M step: theta_t
      a = logJoint(x, theta.pi(), theta.p());
      double current = logLikelihood(a); // L_t
      double previous = trace.get(trace.size() - 1);
      trace.add(current);
      if (stops(previous, current, input.tolerance())) {
        break;
      }
    }
    return new FitOutput(theta.pi(), theta.p(), trace.stream().mapToDouble(Double::doubleValue)
        .toArray(), t);
  }

  /** The log-joint a[N][K]: a_nk = log pi_k + sum_d l(x_nd, p_kd). */
  protected double[][] logJoint(int[][] x, double[] pi, double[][] p) {
    int n = x.length;
    int k = pi.length;
    double[][] a = new double[n][k];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        double sum = logWeight(pi[c]);
        for (int d = 0; d < x[i].length; d++) {
          sum += logTerm(x[i][d], p[c][d]);
        }
        a[i][c] = sum;
      }
    }
    return a;
  }

  /** log pi_k (log 0 = -infinity). */
  protected double logWeight(double pi) {
    return Math.log(pi);
  }

  /**
   * l(x, q): log q when x = 1, log(1 - q) when x = 0 (as log1p(-q), exact for small q), chosen
   * and never multiplied by x.
   */
  protected double logTerm(int x, double q) {
    return x == 1 ? Math.log(q) : Math.log1p(-q);
  }

  /** r[N][K] = exp(a_nk - LSE_n). */
  protected double[][] responsibilities(double[][] a) {
    double[][] r = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      double lse = logSumExp(a[i]);
      r[i] = new double[a[i].length];
      for (int c = 0; c < a[i].length; c++) {
        r[i][c] = Math.exp(a[i][c] - lse);
      }
    }
    return r;
  }

  /** L = sum_n LSE_n. */
  protected double logLikelihood(double[][] a) {
    double sum = 0;
    for (double[] row : a) {
      sum += logSumExp(row);
    }
    return sum;
  }


  /** The M-step: pi_k = N_k / N, p_kd = (S_kd + alpha) / (N_k + 2 alpha), empty rows kept. */
  protected Mixture mStep(int[][] x, double[][] r, double[][] previousP, double alpha) {
    int n = x.length;
    int dims = x[0].length;
    int k = r[0].length;
    double[] pi = new double[k];
    double[][] p = new double[k][];
    for (int c = 0; c < k; c++) {
      double nk = 0; // N_k = sum_n r_nk
      double[] s = new double[dims]; // S_kd = sum_n r_nk x_nd
      for (int i = 0; i < n; i++) {
        nk += r[i][c];
        for (int d = 0; d < dims; d++) {
          if (x[i][d] == 1) {
            s[d] += r[i][c];
          }
        }
      }
      pi[c] = nk / n;
      if (nk == 0 && keepsEmptyComponents()) {
        p[c] = previousP[c].clone(); // empty component: keep its means
        continue;
      }
      p[c] = new double[dims];
      for (int d = 0; d < dims; d++) {
        p[c][d] = mean(s[d], nk, n, alpha);
      }
    }
    return new Mixture(pi, p);
  }

  /** p_kd from S_kd = sum_n r_nk x_nd and N_k: (S_kd + alpha) / (N_k + 2 alpha). */
  protected double mean(double s, double nk, int n, double alpha) {
    return (s + alpha) / (nk + 2 * alpha);
  }

  /** Whether a component with N_k exactly 0 keeps its previous means. */
  protected boolean keepsEmptyComponents() {
    return true;
  }

  /** The M-step of a fit, from the mixture of the previous iteration. */
  protected Mixture fitMStep(int[][] x, double[][] r, Mixture previous, double alpha) {
    return mStep(x, r, previous.p(), alpha);
  }

  /** Whether the fit stops after an iteration that moved the log-likelihood from previous. */
  protected boolean stops(double previous, double current, double tolerance) {
    return tolerance > 0 && current - previous < tolerance;
  }

  static double[][] copy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
