package org.mlgrade.reference.problems.backprop;

import static org.mlgrade.reference.HighPrecision.MC;
import static org.mlgrade.reference.HighPrecision.assertClose;
import static org.mlgrade.reference.HighPrecision.of;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.backprop.ReluNetInput;
import org.mlgrade.api.backprop.ReluNetOutput;
import org.mlgrade.api.backprop.SigmoidChainInput;
import org.mlgrade.api.backprop.SigmoidChainOutput;
import org.mlgrade.api.backprop.TanhSoftmaxInput;
import org.mlgrade.api.backprop.TanhSoftmaxOutput;
import org.mlgrade.reference.HighPrecision;

/**
 * The backpropagation reference against a 60-digit evaluation of the chain rule written out from
 * the formulas ({@link HighPrecision}), to 1e-12 relative, on random networks whose weights range
 * from tiny to large enough to saturate every sigmoid, tanh and softmax.
 */
class BackpropPrecisionTest {

  private static final BigDecimal ONE = BigDecimal.ONE;
  private final BackpropReference reference = new BackpropReference();

  private static double[][] matrix(SplittableRandom random, int rows, int cols, double scale) {
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = random.doubles(cols, -scale, scale).toArray();
    }
    return m;
  }

  /** {@code (v w)[j] = sum_i v[i] w[i][j]}, in BigDecimal. */
  private static BigDecimal[] times(BigDecimal[] v, double[][] w) {
    BigDecimal[] out = new BigDecimal[w[0].length];
    for (int j = 0; j < out.length; j++) {
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = 0; i < v.length; i++) {
        sum = sum.add(v[i].multiply(of(w[i][j]), MC), MC);
      }
      out[j] = sum;
    }
    return out;
  }

  private static BigDecimal[] exact(double[] v) {
    BigDecimal[] out = new BigDecimal[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = of(v[i]);
    }
    return out;
  }

  private static void assertVector(double[] actual, BigDecimal[] truth, String what) {
    for (int i = 0; i < truth.length; i++) {
      assertClose(actual[i], truth[i], what + "[" + i + "]");
    }
  }

  @Test
  void reluNetIsExactFromTinyToSaturated() {
    SplittableRandom random = new SplittableRandom(31_337);
    for (int trial = 0; trial < 100; trial++) {
      double scale = Math.pow(10, random.nextInt(-4, 3));
      int n0 = 1 + random.nextInt(3);
      int n1 = 1 + random.nextInt(3);
      int n2 = 1 + random.nextInt(3);
      ReluNetInput in = new ReluNetInput(random.doubles(n0, -2, 2).toArray(),
          matrix(random, n0, n1, scale), matrix(random, n1, n2, scale),
          random.doubles(n2, -scale, scale).toArray(), random.nextInt(2));
      ReluNetOutput out = reference.reluNet(in);
      String at = "relu net #" + trial + " ";
      BigDecimal[] a1 = times(exact(in.x()), in.w1());
      BigDecimal[] h1 = new BigDecimal[n1];
      for (int j = 0; j < n1; j++) {
        h1[j] = a1[j].max(BigDecimal.ZERO);
      }
      BigDecimal[] a2 = times(h1, in.w2());
      BigDecimal[] h2 = new BigDecimal[n2];
      for (int k = 0; k < n2; k++) {
        h2[k] = a2[k].max(BigDecimal.ZERO);
      }
      BigDecimal z = BigDecimal.ZERO;
      for (int k = 0; k < n2; k++) {
        z = z.add(h2[k].multiply(of(in.w3()[k]), MC), MC);
      }
      // L = -log P(y | x): log(1 + e^-z) for y = 1, log(1 + e^z) for y = 0
      BigDecimal loss = HighPrecision.softplus(in.y() == 1 ? z.negate() : z);
      // sigmoid(z) - y; for y = 1 written -sigmoid(-z) (1 - sigmoid(z) = sigmoid(-z)), which 60
      // digits hold even where sigmoid(z) rounds to 1
      BigDecimal outputDelta = in.y() == 1 ? HighPrecision.sigmoid(z.negate()).negate()
          : HighPrecision.sigmoid(z);
      BigDecimal[] delta2 = new BigDecimal[n2];
      for (int k = 0; k < n2; k++) {
        delta2[k] = a2[k].signum() > 0 ? outputDelta.multiply(of(in.w3()[k]), MC)
            : BigDecimal.ZERO;
      }
      BigDecimal[] delta1 = new BigDecimal[n1];
      for (int j = 0; j < n1; j++) {
        BigDecimal back = BigDecimal.ZERO;
        for (int k = 0; k < n2; k++) {
          back = back.add(of(in.w2()[j][k]).multiply(delta2[k], MC), MC);
        }
        delta1[j] = a1[j].signum() > 0 ? back : BigDecimal.ZERO;
      }
      assertVector(out.a1(), a1, at + "a1");
      assertVector(out.a2(), a2, at + "a2");
      assertClose(out.z(), z, at + "z");
      assertClose(out.probability(), HighPrecision.sigmoid(z), at + "probability");
      assertClose(out.loss(), loss, at + "loss");
      assertClose(out.outputDelta(), outputDelta, at + "outputDelta");
      assertVector(out.delta2(), delta2, at + "delta2");
      assertVector(out.delta1(), delta1, at + "delta1");
      for (int k = 0; k < n2; k++) {
        assertClose(out.gradW3()[k], h2[k].multiply(outputDelta, MC), at + "gradW3");
      }
      for (int j = 0; j < n1; j++) {
        for (int k = 0; k < n2; k++) {
          assertClose(out.gradW2()[j][k], h1[j].multiply(delta2[k], MC), at + "gradW2");
        }
      }
      for (int i = 0; i < n0; i++) {
        for (int j = 0; j < n1; j++) {
          assertClose(out.gradW1()[i][j], of(in.x()[i]).multiply(delta1[j], MC), at + "gradW1");
        }
      }
    }
  }

  @Test
  void sigmoidChainIsExactFromTinyToSaturated() {
    SplittableRandom random = new SplittableRandom(4_242);
    for (int trial = 0; trial < 150; trial++) {
      double scale = Math.pow(10, random.nextInt(-3, 3));
      SigmoidChainInput in = new SigmoidChainInput(random.nextDouble(-3, 3),
          random.nextDouble(-scale, scale), random.nextDouble(-scale, scale),
          random.nextDouble(-2, 2));
      SigmoidChainOutput out = reference.sigmoidChain(in);
      BigDecimal pre1 = of(in.w1()).multiply(of(in.x()));
      BigDecimal u1 = HighPrecision.sigmoid(pre1);
      BigDecimal pre2 = of(in.w2()).multiply(u1, MC);
      BigDecimal u2 = HighPrecision.sigmoid(pre2);
      // sigmoid'(a) = sigmoid(a) (1 - sigmoid(a)) = sigmoid(a) sigmoid(-a)
      BigDecimal d2 = of(in.w3()).multiply(u2.multiply(HighPrecision.sigmoid(pre2.negate()), MC),
          MC);
      BigDecimal d1 = d2.multiply(of(in.w2()), MC).multiply(u1.multiply(
          HighPrecision.sigmoid(pre1.negate()), MC), MC);
      String at = "sigmoid chain #" + trial + " ";
      assertClose(out.f(), of(in.w3()).multiply(u2, MC), at + "f");
      assertClose(out.dfdw3(), u2, at + "df/dw3");
      assertClose(out.dfdw2(), d2.multiply(u1, MC), at + "df/dw2");
      assertClose(out.dfdw1(), d1.multiply(of(in.x()), MC), at + "df/dw1");
    }
  }

  @Test
  void tanhSoftmaxIsExactFromTinyToSaturated() {
    SplittableRandom random = new SplittableRandom(2_718);
    for (int trial = 0; trial < 100; trial++) {
      double scale = Math.pow(10, random.nextInt(-3, 3));
      int d = 1 + random.nextInt(3);
      int h = 1 + random.nextInt(3);
      int k = 2 + random.nextInt(3);
      TanhSoftmaxInput in = new TanhSoftmaxInput(random.doubles(d, -2, 2).toArray(),
          matrix(random, d, h, scale), random.doubles(h, -scale, scale).toArray(),
          matrix(random, h, k, scale), random.doubles(k, -scale, scale).toArray(),
          random.nextInt(k));
      TanhSoftmaxOutput out = reference.tanhSoftmax(in);
      String at = "tanh/softmax #" + trial + " ";
      BigDecimal[] a = times(exact(in.x()), in.w1());
      BigDecimal[] hidden = new BigDecimal[h];
      for (int j = 0; j < h; j++) {
        a[j] = a[j].add(of(in.b1()[j]), MC);
        hidden[j] = HighPrecision.tanh(a[j]);
      }
      BigDecimal[] s = times(hidden, in.w2());
      BigDecimal rest = BigDecimal.ZERO; // sum over c != label of exp(s_c - s_label)
      BigDecimal[] e = new BigDecimal[k];
      for (int c = 0; c < k; c++) {
        s[c] = s[c].add(of(in.b2()[c]), MC);
      }
      for (int c = 0; c < k; c++) {
        // exp(s_c - s_label): the softmax and the loss from the same terms
        e[c] = HighPrecision.exp(s[c].subtract(s[in.label()], MC));
        rest = c == in.label() ? rest : rest.add(e[c], MC);
      }
      BigDecimal sum = ONE.add(rest, MC);
      BigDecimal[] p = new BigDecimal[k];
      BigDecimal[] dS = new BigDecimal[k];
      for (int c = 0; c < k; c++) {
        p[c] = e[c].divide(sum, MC);
        dS[c] = c == in.label() ? p[c].subtract(ONE, MC) : p[c];
      }
      // at the label, p - 1 is minus the other terms over the sum: no cancellation here
      dS[in.label()] = rest.negate().divide(sum, MC);
      BigDecimal[] dA = new BigDecimal[h];
      for (int j = 0; j < h; j++) {
        BigDecimal back = BigDecimal.ZERO;
        for (int c = 0; c < k; c++) {
          back = back.add(of(in.w2()[j][c]).multiply(dS[c], MC), MC);
        }
        // tanh'(a) = 1 - tanh(a)^2 = 4 / (e^a + e^-a)^2
        BigDecimal cosh2 = HighPrecision.exp(a[j]).add(HighPrecision.exp(a[j].negate()), MC);
        BigDecimal derivative = BigDecimal.valueOf(4).divide(cosh2.multiply(cosh2, MC), MC);
        dA[j] = derivative.multiply(back, MC);
      }
      assertVector(out.hidden(), hidden, at + "hidden");
      assertVector(out.probabilities(), p, at + "probabilities");
      // L = -log p_label = log(sum_c exp(s_c - s_label)) = log1p(rest)
      assertClose(out.loss(), HighPrecision.log1p(rest), at + "loss");
      assertVector(out.gradB2(), dS, at + "gradB2");
      assertVector(out.gradB1(), dA, at + "gradB1");
      for (int j = 0; j < h; j++) {
        for (int c = 0; c < k; c++) {
          assertClose(out.gradW2()[j][c], hidden[j].multiply(dS[c], MC), at + "gradW2");
        }
      }
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < h; j++) {
          assertClose(out.gradW1()[i][j], of(in.x()[i]).multiply(dA[j], MC), at + "gradW1");
        }
      }
    }
  }
}
