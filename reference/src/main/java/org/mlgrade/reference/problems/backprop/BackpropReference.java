package org.mlgrade.reference.problems.backprop;

import org.mlgrade.reference.problems.StableMath;
import org.mlgrade.api.backprop.Backprop;
import org.mlgrade.api.backprop.ReluNetInput;
import org.mlgrade.api.backprop.ReluNetOutput;
import org.mlgrade.api.backprop.SigmoidChainInput;
import org.mlgrade.api.backprop.SigmoidChainOutput;
import org.mlgrade.api.backprop.TanhSoftmaxInput;
import org.mlgrade.api.backprop.TanhSoftmaxOutput;

/**
 * Reference backpropagation. Weights are indexed from, to ({@code w[i][j]} connects unit {@code
 * i} below to unit {@code j} above), deltas are derivatives with respect to pre-activations, and
 * every weight gradient is (input of the connection) times (delta of its target unit).
 *
 * <p>The local derivatives and the output deltas are protected methods so that the known mistakes
 * can override exactly one of them.
 */
public class BackpropReference implements Backprop {

  @Override
  public ReluNetOutput reluNet(ReluNetInput input) {
    double[] x = input.x(); // [n0]
    // forward: a1 = x w1, h1 = relu(a1), a2 = h1 w2, h2 = relu(a2), z = h2 . w3
    double[] a1 = times(x, input.w1()); // [n1]
    double[] h1 = relu(a1);
    double[] a2 = times(h1, input.w2()); // [n2]
    double[] h2 = relu(a2);
    double z = dot(h2, input.w3());
    double loss = StableMath.logisticLoss(z, input.y());
    // backward: output delta, then deltas of layer 2 and layer 1 (pre-activations)
    double outputDelta = outputDelta(z, input.y());
    double[] delta2 = new double[a2.length]; // [n2]
    for (int k = 0; k < a2.length; k++) {
      delta2[k] = outputDelta * input.w3()[k] * reluDerivative(a2[k]);
    }
    double[] back1 = timesTransposed(input.w2(), delta2); // [n1]: sum_k w2[j][k] delta2[k]
    double[] delta1 = new double[a1.length];
    for (int j = 0; j < a1.length; j++) {
      delta1[j] = reluDerivative(a1[j]) * back1[j];
    }
    // weight gradients: input of the connection times delta of its target
    double[] gradW3 = scale(connectionInput(a2, h2), outputDelta); // [n2]
    double[][] gradW2 = outer(connectionInput(a1, h1), delta2); // [n1][n2]
    double[][] gradW1 = outer(x, delta1); // [n0][n1]
    return new ReluNetOutput(a1, h1, a2, h2, z, StableMath.sigmoid(z), loss, outputDelta, delta1,
        delta2, gradW1, gradW2, gradW3);
  }

  @Override
  public SigmoidChainOutput sigmoidChain(SigmoidChainInput input) {
    double x = input.x();
    double w1 = input.w1();
    double w2 = input.w2();
    double w3 = input.w3();
    // forward: u1 = sigmoid(w1 x), u2 = sigmoid(w2 u1), f = w3 u2
    double u1 = StableMath.sigmoid(w1 * x);
    double u2 = StableMath.sigmoid(w2 * u1);
    double f = w3 * u2;
    // backward: df/du2 = w3, df/d(w2 u1) = w3 sigmoid'(.), df/d(w1 x) = that * w2 * sigmoid'(.)
    double dPre2 = w3 * sigmoidDerivative(w2 * u1, u2);
    double dPre1 = dPre2 * w2 * sigmoidDerivative(w1 * x, u1);
    return new SigmoidChainOutput(f, dPre1 * x, dPre2 * u1, u2);
  }

  @Override
  public TanhSoftmaxOutput tanhSoftmax(TanhSoftmaxInput input) {
    double[] x = input.x(); // [d]
    // forward: a = x w1 + b1, hidden = tanh(a), s = hidden w2 + b2, p = softmax(s)
    double[] a = plus(times(x, input.w1()), input.b1()); // [h]
    double[] hidden = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      hidden[j] = Math.tanh(a[j]);
    }
    double[] s = plus(times(hidden, input.w2()), input.b2()); // [k]
    double logSumExp = StableMath.logSumExp(s);
    double[] p = new double[s.length];
    for (int c = 0; c < s.length; c++) {
      p[c] = Math.exp(s[c] - logSumExp);
    }
    // L = -log p[label] = log sum_c exp(s_c - s_label) = log1p(sum_{c != label} ...) when the
    // label has the largest score, where logSumExp - s[label] would cancel
    double loss = StableMath.logSumExp(minus(s, s[input.label()]));
    // backward: dL/ds = p - onehot, dL/da = tanh'(a) * (w2 dL/ds)
    double[] dS = new double[s.length]; // [k]
    for (int c = 0; c < s.length; c++) {
      // 1 - p[c] as the sum of the other probabilities, exact where p[c] is near 1
      double complement = 0;
      for (int other = 0; other < s.length; other++) {
        complement += other == c ? 0 : p[other];
      }
      dS[c] = softmaxDelta(p[c], complement, c == input.label() ? 1 : 0);
    }
    double[] back = timesTransposed(input.w2(), dS); // [h]
    double[] dA = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      dA[j] = tanhDerivative(a[j], hidden[j]) * back[j];
    }
    return new TanhSoftmaxOutput(hidden, p, loss, outer(x, dA), dA, outer(hidden, dS), dS);
  }

  /** {@code relu'(a)}: 1 for {@code a > 0}, 0 otherwise (PyTorch's choice at 0). */
  protected double reluDerivative(double a) {
    return a > 0 ? 1 : 0;
  }

  /** {@code dL/dz = sigmoid(z) - y} for {@code L = log(1 + e^z) - y z}. */
  protected double outputDelta(double z, int y) {
    return StableMath.logisticGradient(z, y);
  }

  /** The value a weight multiplies: the activation {@code post = relu(pre)}. */
  protected double[] connectionInput(double[] pre, double[] post) {
    return post;
  }

  /**
   * {@code sigmoid'(pre) = out (1 - out)} where {@code out = sigmoid(pre)}, computed as {@code
   * sigmoid(pre) sigmoid(-pre)} so that it does not round to 0 when {@code out} rounds to 1.
   */
  protected double sigmoidDerivative(double pre, double out) {
    return StableMath.sigmoidDerivative(pre);
  }

  /** {@code tanh'(a) = 1 - tanh(a)^2} (= 1 / cosh(a)^2), with {@code hidden = tanh(a)}. */
  protected double tanhDerivative(double a, double hidden) {
    return StableMath.tanhDerivative(a);
  }

  /**
   * {@code dL/ds[c] = p[c] - t[c]} for the one-hot label t, where {@code complement = 1 - p[c]}
   * (the sum of the other probabilities): {@code -complement} at the label.
   */
  protected double softmaxDelta(double probability, double complement, int target) {
    return target == 1 ? -complement : probability;
  }

  /** {@code (v w)[j] = sum_i v[i] w[i][j]}. */
  static double[] times(double[] v, double[][] w) {
    double[] out = new double[w[0].length];
    for (int i = 0; i < v.length; i++) {
      for (int j = 0; j < out.length; j++) {
        out[j] += v[i] * w[i][j];
      }
    }
    return out;
  }

  /** {@code (w d)[i] = sum_j w[i][j] d[j]}. */
  static double[] timesTransposed(double[][] w, double[] d) {
    double[] out = new double[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = dot(w[i], d);
    }
    return out;
  }

  static double dot(double[] u, double[] v) {
    double sum = 0;
    for (int i = 0; i < u.length; i++) {
      sum += u[i] * v[i];
    }
    return sum;
  }

  static double[][] outer(double[] u, double[] v) {
    double[][] out = new double[u.length][v.length];
    for (int i = 0; i < u.length; i++) {
      for (int j = 0; j < v.length; j++) {
        out[i][j] = u[i] * v[j];
      }
    }
    return out;
  }

  private static double[] relu(double[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = Math.max(a[i], 0);
    }
    return out;
  }

  private static double[] scale(double[] v, double factor) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * factor;
    }
    return out;
  }

  private static double[] minus(double[] v, double shift) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] - shift;
    }
    return out;
  }

  private static double[] plus(double[] u, double[] v) {
    double[] out = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      out[i] = u[i] + v[i];
    }
    return out;
  }
}
