package org.mlgrade.reference.problems.em;

import java.util.Arrays;
import java.util.List;
import org.mlgrade.api.em.BernoulliMixtureEm;
import org.mlgrade.api.em.FitInput;
import org.mlgrade.api.em.FitOutput;
import org.mlgrade.api.em.LogLikelihoodInput;
import org.mlgrade.api.em.LogLikelihoodOutput;
import org.mlgrade.reference.KnownMistake;

/**
 * Wrong EM implementations that students write, each the reference with one step replaced. A
 * mistake in a step also runs inside the fit, where it is listed again when students make it
 * there.
 */
final class BernoulliMixtureMistakes {

  private BernoulliMixtureMistakes() {}

  /** r_nk = pi_k prod_d (...) = exp(a_nk), never divided by the sum over components. */
  static final class Unnormalised extends BernoulliMixtureReference {
    @Override
    protected double[][] responsibilities(double[][] a) {
      double[][] r = new double[a.length][a[0].length];
      for (int i = 0; i < a.length; i++) {
        for (int c = 0; c < a[i].length; c++) {
          r[i][c] = Math.exp(a[i][c]);
        }
      }
      return r;
    }
  }

  /**
   * Probability space: r_nk = w_nk / sum_j w_nj and L = sum_n log sum_k w_nk with w_nk =
   * exp(a_nk) = pi_k prod_d (...), which underflows to 0 at D = 784 (r = NaN, L = -Infinity).
   */
  static final class ProductUnderflow extends BernoulliMixtureReference {
    @Override
    protected double[][] responsibilities(double[][] a) {
      double[][] r = new double[a.length][a[0].length];
      for (int i = 0; i < a.length; i++) {
        double sum = 0;
        for (int c = 0; c < a[i].length; c++) {
          r[i][c] = Math.exp(a[i][c]);
          sum += r[i][c];
        }
        for (int c = 0; c < a[i].length; c++) {
          r[i][c] /= sum;
        }
      }
      return r;
    }

    @Override
    protected double logLikelihood(double[][] a) {
      double total = 0;
      for (double[] row : a) {
        double sum = 0;
        for (double value : row) {
          sum += Math.exp(value);
        }
        total += Math.log(sum);
      }
      return total;
    }
  }

  /** Leaves log pi_k out of the log-joint, as if the weights were uniform. */
  static final class IgnoresMixingWeights extends BernoulliMixtureReference {
    @Override
    protected double logWeight(double pi) {
      return 0;
    }
  }

  /** x log q + (1 - x) log(1 - q): 0 * -Infinity = NaN when q is exactly 0 or 1. */
  static final class ZeroTimesLogZero extends BernoulliMixtureReference {
    @Override
    protected double logTerm(int x, double q) {
      return x * Math.log(q) + (1 - x) * Math.log(1 - q);
    }
  }

  /** L = sum_n sum_k pi_k log prod_d (...): the log inside the sum over components. */
  static final class LogInsideSum extends BernoulliMixtureReference {
    @Override
    public LogLikelihoodOutput logLikelihood(LogLikelihoodInput input) {
      int[][] x = input.x();
      double total = 0;
      for (int[] row : x) {
        for (int c = 0; c < input.pi().length; c++) {
          double log = 0;
          for (int d = 0; d < row.length; d++) {
            log += logTerm(row[d], input.p()[c][d]);
          }
          total += input.pi()[c] * log;
        }
      }
      return new LogLikelihoodOutput(total);
    }
  }

  /** p_kd = (S_kd + alpha) / (N + 2 alpha): divides by N instead of N_k. */
  static final class DividesByN extends BernoulliMixtureReference {
    @Override
    protected double mean(double s, double nk, int n, double alpha) {
      return (s + alpha) / (n + 2 * alpha);
    }
  }

  /** p_kd = (S_kd + alpha) / (N_k + alpha): one pseudo-count in the denominator, not two. */
  static final class SmoothingAddedOnce extends BernoulliMixtureReference {
    @Override
    protected double mean(double s, double nk, int n, double alpha) {
      return (s + alpha) / (nk + alpha);
    }
  }

  /** p_kd = S_kd / N_k: the rubric's smoothing alpha left out of the M-step. */
  static final class SmoothingIgnored extends BernoulliMixtureReference {
    @Override
    protected double mean(double s, double nk, int n, double alpha) {
      return super.mean(s, nk, n, 0);
    }
  }

  /** No special case for N_k = 0: 0/0 = NaN means (or 1/2 with smoothing). */
  static final class EmptyComponentNotKept extends BernoulliMixtureReference {
    @Override
    protected boolean keepsEmptyComponents() {
      return false;
    }
  }

  /** Replaces every row of responsibilities by a one-hot row at its largest entry (k-means). */
  static final class HardAssignments extends BernoulliMixtureReference {
    @Override
    protected Mixture mStep(int[][] x, double[][] r, double[][] previousP, double alpha) {
      double[][] hard = new double[r.length][r[0].length];
      for (int i = 0; i < r.length; i++) {
        int best = 0;
        for (int c = 1; c < r[i].length; c++) {
          if (r[i][c] > r[i][best]) {
            best = c;
          }
        }
        hard[i][best] = 1;
      }
      return super.mStep(x, hard, previousP, alpha);
    }
  }

  /** Keeps the initial mixing weights through the whole fit. */
  static final class PiNotUpdated extends BernoulliMixtureReference {
    @Override
    protected Mixture fitMStep(int[][] x, double[][] r, Mixture previous, double alpha) {
      return new Mixture(previous.pi().clone(), mStep(x, r, previous.p(), alpha).p());
    }
  }

  /** Returns L_1..L_T, without L_0 of the initial mixture. */
  static final class TraceMissesInitial extends BernoulliMixtureReference {
    @Override
    public FitOutput fit(FitInput input) {
      FitOutput right = super.fit(input);
      double[] trace = right.logLikelihoods();
      return new FitOutput(right.pi(), right.p(), Arrays.copyOfRange(trace, 1, trace.length),
          right.iterations());
    }
  }

  /** Never stops early: always runs maxIterations. */
  static final class IgnoresTolerance extends BernoulliMixtureReference {
    @Override
    protected boolean stops(double previous, double current, double tolerance) {
      return false;
    }
  }

  static final String UNDERFLOW =
      "multiplied the D probabilities (or took exp of the log-joint before subtracting the"
          + " maximum), which underflows to 0 for D = 784 and gives NaN; use log-sum-exp";
  static final String ZERO_LOG_ZERO =
      "computed x*log(p) + (1-x)*log(1-p), which is 0*(-Infinity) = NaN when p is exactly 0 or"
          + " 1; choose log(p) or log(1-p) by the value of x";
  static final String SMOOTHING_IGNORED =
      "left the smoothing alpha out of the M-step: p_kd = (sum_n r_nk x_nd + alpha) / (N_k + 2"
          + " alpha), which is the plain S_kd / N_k only when alpha = 0";
  static final String NO_WEIGHTS =
      "left log(pi_k) out of the log-joint, as if the mixing weights were uniform";

  static List<KnownMistake<BernoulliMixtureEm>> eStep() {
    return List.of(
        new KnownMistake<>("unnormalised", "returned pi_k * prod_d(...) without dividing by its"
            + " sum over the components, so rows do not sum to 1", new Unnormalised()),
        new KnownMistake<>("product-underflow", UNDERFLOW, new ProductUnderflow()),
        new KnownMistake<>("ignores-mixing-weights", NO_WEIGHTS, new IgnoresMixingWeights()),
        new KnownMistake<>("zero-times-log-zero", ZERO_LOG_ZERO, new ZeroTimesLogZero()));
  }

  static List<KnownMistake<BernoulliMixtureEm>> mStep() {
    return List.of(
        new KnownMistake<>("divides-by-n", "divided sum_n r_nk x_nd by N instead of by the"
            + " component's total responsibility N_k", new DividesByN()),
        new KnownMistake<>("smoothing-added-once", "added the pseudo-count alpha once to the"
            + " denominator; it must be N_k + 2*alpha (one pseudo-count for 0, one for 1)",
            new SmoothingAddedOnce()),
        new KnownMistake<>("smoothing-ignored", SMOOTHING_IGNORED, new SmoothingIgnored()),
        new KnownMistake<>("empty-component-not-kept", "did not special-case a component with"
            + " N_k = 0; it must keep its previous means (pi_k = 0)", new EmptyComponentNotKept()),
        new KnownMistake<>("hard-assignments", "assigned each row wholly to its most responsible"
            + " component (k-means style) instead of weighting by r_nk", new HardAssignments()));
  }

  static List<KnownMistake<BernoulliMixtureEm>> logLikelihood() {
    return List.of(
        new KnownMistake<>("product-underflow", UNDERFLOW, new ProductUnderflow()),
        new KnownMistake<>("ignores-mixing-weights", NO_WEIGHTS, new IgnoresMixingWeights()),
        new KnownMistake<>("log-inside-sum", "computed sum_k pi_k log(prod_d ...) instead of"
            + " log(sum_k pi_k prod_d ...)", new LogInsideSum()),
        new KnownMistake<>("zero-times-log-zero", ZERO_LOG_ZERO, new ZeroTimesLogZero()));
  }

  static List<KnownMistake<BernoulliMixtureEm>> fit() {
    return List.of(
        new KnownMistake<>("unnormalised", "the E-step returned pi_k * prod_d(...) without"
            + " dividing by its sum over the components, so the M-step received responsibilities"
            + " whose rows do not sum to 1", new Unnormalised()),
        new KnownMistake<>("product-underflow", UNDERFLOW, new ProductUnderflow()),
        new KnownMistake<>("m-step-divides-by-n", "the M-step divided by N instead of N_k",
            new DividesByN()),
        new KnownMistake<>("smoothing-ignored", SMOOTHING_IGNORED, new SmoothingIgnored()),
        new KnownMistake<>("pi-not-updated", "kept the initial mixing weights; the M-step must"
            + " set pi_k = N_k / N every iteration", new PiNotUpdated()),
        new KnownMistake<>("trace-misses-initial", "left L_0, the log-likelihood of the initial"
            + " mixture, out of the trace (it has iterations + 1 entries)",
            new TraceMissesInitial()),
        new KnownMistake<>("ignores-tolerance", "did not stop when an iteration improved the"
            + " log-likelihood by less than the tolerance", new IgnoresTolerance()),
        new KnownMistake<>("zero-times-log-zero", ZERO_LOG_ZERO + " (during a fit, p reaches 0"
            + " for a feature that is 0 in every row)", new ZeroTimesLogZero()));
  }
}
