package org.mlgrade.reference.problems.em;

import static org.mlgrade.reference.HighPrecision.MC;
import static org.mlgrade.reference.HighPrecision.assertClose;
import static org.mlgrade.reference.HighPrecision.of;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.em.EStepInput;
import org.mlgrade.api.em.LogLikelihoodInput;
import org.mlgrade.api.em.MStepInput;
import org.mlgrade.api.em.MStepOutput;
import org.mlgrade.reference.HighPrecision;

/**
 * The EM reference against a 60-digit evaluation of Bishop's formulas ({@link HighPrecision}),
 * to 1e-12 relative: responsibilities, log-likelihood and the M-step, with means at the edges
 * (1e-300, 1e-17, 1 - 2^-52) and random ones, up to D = 60 features.
 */
class BernoulliMixturePrecisionTest {

  private static final double[] EDGE_MEANS = {1e-300, 1e-17, 1e-9, 0.5, 1 - 1e-9,
      1 - 0x1p-52};
  private final BernoulliMixtureReference reference = new BernoulliMixtureReference();

  private record Case(int[][] x, double[] pi, double[][] p) {}

  private static Case randomCase(SplittableRandom random) {
    int n = 1 + random.nextInt(5);
    int d = 1 + random.nextInt(random.nextBoolean() ? 8 : 60);
    int k = 1 + random.nextInt(3);
    int[][] x = new int[n][d];
    for (int[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextInt(2);
      }
    }
    double[] pi = random.doubles(k, 0.01, 1).toArray();
    double total = 0;
    for (double w : pi) {
      total += w;
    }
    for (int c = 0; c < k; c++) {
      pi[c] /= total;
    }
    double[][] p = new double[k][d];
    for (double[] row : p) {
      for (int j = 0; j < d; j++) {
        row[j] = random.nextInt(4) == 0 ? EDGE_MEANS[random.nextInt(EDGE_MEANS.length)]
            : random.nextDouble(0.001, 0.999);
      }
    }
    // every row must be possible under some component (the input records reject the others)
    return new Case(x, pi, p);
  }

  /** a_nk = log pi_k + sum_d (x_nd = 1 ? log p_kd : log(1 - p_kd)). */
  private static BigDecimal[][] logJoint(Case c) {
    BigDecimal[][] a = new BigDecimal[c.x().length][c.pi().length];
    for (int i = 0; i < c.x().length; i++) {
      for (int k = 0; k < c.pi().length; k++) {
        BigDecimal sum = HighPrecision.log(of(c.pi()[k]));
        for (int j = 0; j < c.x()[i].length; j++) {
          BigDecimal q = of(c.p()[k][j]);
          sum = sum.add(c.x()[i][j] == 1 ? HighPrecision.log(q)
              : HighPrecision.log1p(q.negate()), MC);
        }
        a[i][k] = sum;
      }
    }
    return a;
  }

  /** log sum_k exp(a_k) = m + log(1 + sum_{k != argmax} exp(a_k - m)). */
  private static BigDecimal logSumExp(BigDecimal[] a) {
    int argMax = 0;
    for (int k = 1; k < a.length; k++) {
      argMax = a[k].compareTo(a[argMax]) > 0 ? k : argMax;
    }
    BigDecimal rest = BigDecimal.ZERO;
    for (int k = 0; k < a.length; k++) {
      if (k != argMax) {
        rest = rest.add(HighPrecision.exp(a[k].subtract(a[argMax], MC)), MC);
      }
    }
    return a[argMax].add(HighPrecision.log1p(rest), MC);
  }

  @Test
  void eStepAndLogLikelihoodAreExact() {
    SplittableRandom random = new SplittableRandom(1_984);
    for (int trial = 0; trial < 60; trial++) {
      Case c = randomCase(random);
      BigDecimal[][] a = logJoint(c);
      double[][] r;
      double l;
      try {
        r = reference.eStep(new EStepInput(c.x(), c.pi(), c.p())).responsibilities();
        l = reference.logLikelihood(new LogLikelihoodInput(c.x(), c.pi(), c.p()))
            .logLikelihood();
      } catch (IllegalArgumentException impossibleRow) {
        continue;
      }
      BigDecimal total = BigDecimal.ZERO;
      for (int i = 0; i < a.length; i++) {
        BigDecimal lse = logSumExp(a[i]);
        total = total.add(lse, MC);
        for (int k = 0; k < a[i].length; k++) {
          assertClose(r[i][k], HighPrecision.exp(a[i][k].subtract(lse, MC)),
              "r[" + i + "][" + k + "] #" + trial);
        }
      }
      assertClose(l, total, "log-likelihood #" + trial);
    }
  }

  @Test
  void mStepIsExact() {
    SplittableRandom random = new SplittableRandom(2_001);
    for (int trial = 0; trial < 200; trial++) {
      Case c = randomCase(random);
      int n = c.x().length;
      int k = c.pi().length;
      int d = c.x()[0].length;
      double[][] r = new double[n][k];
      for (double[] row : r) {
        double sum = 0;
        for (int j = 0; j < k; j++) {
          row[j] = random.nextInt(5) == 0 ? 1e-200 : random.nextDouble();
          sum += row[j];
        }
        for (int j = 0; j < k; j++) {
          row[j] /= sum;
        }
      }
      double alpha = random.nextBoolean() ? 0 : random.nextDouble(0, 2);
      MStepOutput out;
      try {
        out = reference.mStep(new MStepInput(c.x(), r, c.p(), alpha));
      } catch (IllegalArgumentException notAResponsibilityMatrix) {
        continue;
      }
      for (int comp = 0; comp < k; comp++) {
        BigDecimal nk = BigDecimal.ZERO;
        BigDecimal[] s = new BigDecimal[d];
        Arrays.fill(s, BigDecimal.ZERO);
        for (int i = 0; i < n; i++) {
          nk = nk.add(of(r[i][comp]), MC);
          for (int j = 0; j < d; j++) {
            s[j] = c.x()[i][j] == 1 ? s[j].add(of(r[i][comp]), MC) : s[j];
          }
        }
        assertClose(out.pi()[comp], nk.divide(BigDecimal.valueOf(n), MC), "pi #" + trial);
        BigDecimal a = of(alpha);
        for (int j = 0; j < d; j++) {
          assertClose(out.p()[comp][j], s[j].add(a, MC).divide(nk.add(a.add(a), MC), MC),
              "p[" + comp + "][" + j + "] #" + trial);
        }
      }
    }
  }
}
