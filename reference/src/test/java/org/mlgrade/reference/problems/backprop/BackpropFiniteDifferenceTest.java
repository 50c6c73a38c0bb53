package org.mlgrade.reference.problems.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.mlgrade.api.backprop.ReluNetInput;
import org.mlgrade.api.backprop.ReluNetOutput;
import org.mlgrade.api.backprop.SigmoidChainInput;
import org.mlgrade.api.backprop.SigmoidChainOutput;
import org.mlgrade.api.backprop.TanhSoftmaxInput;
import org.mlgrade.api.backprop.TanhSoftmaxOutput;

/**
 * Analytic gradients against central finite differences {@code (L(p + h) - L(p - h)) / 2h} of
 * forward passes written here, independently of the reference, over random networks. Deltas are
 * checked the same way, by shifting one pre-activation. Random ReLU nets keep every pre-activation
 * at least 1e-3 away from the kink, a thousand steps h.
 */
class BackpropFiniteDifferenceTest {

  private static final double H = 1e-6;
  private final BackpropReference reference = new BackpropReference();

  private static void assertGradient(String what, double analytic, double numeric) {
    assertThat(analytic).as(what).isCloseTo(numeric, within(1e-7 + 1e-6 * Math.abs(numeric)));
  }

  /** Central difference of {@code f} in entry {@code [i][j]} of {@code m} (restored after). */
  private static double difference(double[][] m, int i, int j, ToDoubleFunction<Void> f) {
    double saved = m[i][j];
    m[i][j] = saved + H;
    double up = f.applyAsDouble(null);
    m[i][j] = saved - H;
    double down = f.applyAsDouble(null);
    m[i][j] = saved;
    return (up - down) / (2 * H);
  }

  private static double difference(double[] v, int i, ToDoubleFunction<Void> f) {
    double[][] wrapped = {v};
    return difference(wrapped, 0, i, f);
  }

  private static double softplus(double z) {
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }

  /** Loss of the ReLU net with {@code shift1}, {@code shift2}, {@code shiftZ} added to a1, a2, z. */
  private static double reluLoss(ReluNetInput net, double[] shift1, double[] shift2,
      double shiftZ) {
    int n1 = net.w1()[0].length;
    int n2 = net.w2()[0].length;
    double[] h1 = new double[n1];
    for (int j = 0; j < n1; j++) {
      double a = shift1[j];
      for (int i = 0; i < net.x().length; i++) {
        a += net.x()[i] * net.w1()[i][j];
      }
      h1[j] = Math.max(a, 0);
    }
    double z = shiftZ;
    for (int k = 0; k < n2; k++) {
      double a = shift2[k];
      for (int j = 0; j < n1; j++) {
        a += h1[j] * net.w2()[j][k];
      }
      z += Math.max(a, 0) * net.w3()[k];
    }
    // -log P(y | x) with P(y = 1 | x) = sigmoid(z)
    return net.y() == 1 ? softplus(-z) : softplus(z);
  }

  @RepeatedTest(40)
  void reluNetGradientsAndDeltasMatchFiniteDifferences(RepetitionInfo repetition) {
    SplittableRandom random = new SplittableRandom(4000 + repetition.getCurrentRepetition());
    ReluNetInput net = BackpropGenerators.randomReluNet(random, random.nextBoolean());
    double[] zero1 = new double[net.w1()[0].length];
    double[] zero2 = new double[net.w2()[0].length];
    ToDoubleFunction<Void> loss = ignored -> reluLoss(net, zero1, zero2, 0);
    ReluNetOutput out = reference.reluNet(net);
    assertThat(out.loss()).isCloseTo(loss.applyAsDouble(null), within(1e-12));
    for (int i = 0; i < net.w1().length; i++) {
      for (int j = 0; j < zero1.length; j++) {
        assertGradient("gradW1", out.gradW1()[i][j], difference(net.w1(), i, j, loss));
      }
    }
    for (int j = 0; j < zero1.length; j++) {
      for (int k = 0; k < zero2.length; k++) {
        assertGradient("gradW2", out.gradW2()[j][k], difference(net.w2(), j, k, loss));
      }
      assertGradient("delta1", out.delta1()[j], difference(zero1, j, loss));
    }
    for (int k = 0; k < zero2.length; k++) {
      assertGradient("gradW3", out.gradW3()[k], difference(net.w3(), k, loss));
      assertGradient("delta2", out.delta2()[k], difference(zero2, k, loss));
    }
    double dz = (reluLoss(net, zero1, zero2, H) - reluLoss(net, zero1, zero2, -H)) / (2 * H);
    assertGradient("outputDelta", out.outputDelta(), dz);
  }

  private static double chain(double x, double w1, double w2, double w3) {
    double u1 = 1 / (1 + Math.exp(-w1 * x));
    return w3 / (1 + Math.exp(-w2 * u1));
  }

  @RepeatedTest(40)
  void sigmoidChainDerivativesMatchFiniteDifferences(RepetitionInfo repetition) {
    SplittableRandom random = new SplittableRandom(5000 + repetition.getCurrentRepetition());
    double[] p = random.doubles(4, -3, 3).toArray(); // x, w1, w2, w3
    SigmoidChainOutput out = reference.sigmoidChain(new SigmoidChainInput(p[0], p[1], p[2], p[3]));
    ToDoubleFunction<Void> f = ignored -> chain(p[0], p[1], p[2], p[3]);
    assertThat(out.f()).isCloseTo(f.applyAsDouble(null), within(1e-14));
    assertGradient("df/dw1", out.dfdw1(), difference(p, 1, f));
    assertGradient("df/dw2", out.dfdw2(), difference(p, 2, f));
    assertGradient("df/dw3", out.dfdw3(), difference(p, 3, f));
  }

  /** -log softmax(s)[label], s = tanh(x w1 + b1) w2 + b2, by log-sum-exp. */
  private static double tanhLoss(TanhSoftmaxInput net) {
    int h = net.b1().length;
    int k = net.b2().length;
    double[] hidden = new double[h];
    for (int j = 0; j < h; j++) {
      double a = net.b1()[j];
      for (int i = 0; i < net.x().length; i++) {
        a += net.x()[i] * net.w1()[i][j];
      }
      hidden[j] = Math.tanh(a);
    }
    double[] s = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      s[c] = net.b2()[c];
      for (int j = 0; j < h; j++) {
        s[c] += hidden[j] * net.w2()[j][c];
      }
      max = Math.max(max, s[c]);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      sum += Math.exp(s[c] - max);
    }
    return max + Math.log(sum) - s[net.label()];
  }

  @RepeatedTest(40)
  void tanhSoftmaxGradientsMatchFiniteDifferences(RepetitionInfo repetition) {
    SplittableRandom random = new SplittableRandom(6000 + repetition.getCurrentRepetition());
    TanhSoftmaxInput net = BackpropGenerators.tanhSoftmax().generate(random, 10);
    ToDoubleFunction<Void> loss = ignored -> tanhLoss(net);
    TanhSoftmaxOutput out = reference.tanhSoftmax(net);
    assertThat(out.loss()).isCloseTo(loss.applyAsDouble(null), within(1e-12));
    double total = 0;
    for (double p : out.probabilities()) {
      total += p;
    }
    assertThat(total).isCloseTo(1, within(1e-14));
    for (int i = 0; i < net.x().length; i++) {
      for (int j = 0; j < net.b1().length; j++) {
        assertGradient("gradW1", out.gradW1()[i][j], difference(net.w1(), i, j, loss));
      }
    }
    for (int j = 0; j < net.b1().length; j++) {
      assertGradient("gradB1", out.gradB1()[j], difference(net.b1(), j, loss));
      for (int c = 0; c < net.b2().length; c++) {
        assertGradient("gradW2", out.gradW2()[j][c], difference(net.w2(), j, c, loss));
      }
    }
    for (int c = 0; c < net.b2().length; c++) {
      assertGradient("gradB2", out.gradB2()[c], difference(net.b2(), c, loss));
    }
  }
}
