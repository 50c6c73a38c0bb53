package org.mlgrade.reference.problems.backprop;

import org.mlgrade.reference.problems.StableMath;
import java.util.Arrays;
import java.util.List;
import org.mlgrade.api.backprop.Backprop;
import org.mlgrade.api.backprop.SigmoidChainInput;
import org.mlgrade.api.backprop.SigmoidChainOutput;
import org.mlgrade.api.backprop.TanhSoftmaxInput;
import org.mlgrade.api.backprop.TanhSoftmaxOutput;
import org.mlgrade.reference.KnownMistake;

/** Wrong answers real students give, each the reference with one step changed. */
final class BackpropMistakes {

  private BackpropMistakes() {}

  /** {@code relu'(a) = 1} everywhere, also where the unit is off. */
  static final class ReluDerivativeAlwaysOne extends BackpropReference {
    @Override
    protected double reluDerivative(double a) {
      return 1;
    }
  }

  /** {@code dL/dz} taken as {@code dL/dp} with {@code p = sigmoid(z)}: sigmoid' left out. */
  static final class OutputSigmoidDerivativeForgotten extends BackpropReference {
    @Override
    protected double outputDelta(double z, int y) {
      double p = StableMath.sigmoid(z);
      return y == 1 ? -1 / p : 1 / (1 - p);
    }
  }

  /** {@code dL/dz = y - sigmoid(z)}. */
  static final class OutputDeltaSignFlipped extends BackpropReference {
    @Override
    protected double outputDelta(double z, int y) {
      return -super.outputDelta(z, y);
    }
  }

  /** Weight gradients multiply deltas by the pre-activation {@code a} instead of {@code relu(a)}. */
  static final class GradientUsesPreActivation extends BackpropReference {
    @Override
    protected double[] connectionInput(double[] pre, double[] post) {
      return pre;
    }
  }

  /**
   * Weight gradients are the deltas alone: {@code dL/dw = delta}, the activation of the unit the
   * weight comes from left out (write-ups: "dL/dv = -y (1 - y_hat)" without h).
   */
  static final class GradientWithoutActivation extends BackpropReference {
    @Override
    protected double[] connectionInput(double[] pre, double[] post) {
      double[] ones = new double[post.length];
      Arrays.fill(ones, 1);
      return ones;
    }
  }

  /** {@code dL/dw2[j][c] = dL/ds[c]}: the hidden activation h_j left out of the output gradient. */
  static final class OutputGradientWithoutHidden extends BackpropReference {
    @Override
    public TanhSoftmaxOutput tanhSoftmax(TanhSoftmaxInput input) {
      TanhSoftmaxOutput right = super.tanhSoftmax(input);
      double[] ones = new double[right.hidden().length];
      Arrays.fill(ones, 1);
      return new TanhSoftmaxOutput(right.hidden(), right.probabilities(), right.loss(),
          right.gradW1(), right.gradB1(), outer(ones, right.gradB2()), right.gradB2());
    }
  }

  /** {@code dL/dw1[i][j] = dL/da[j]}: the input x_i left out of the first layer's gradient. */
  static final class FirstGradientWithoutInput extends BackpropReference {
    @Override
    public TanhSoftmaxOutput tanhSoftmax(TanhSoftmaxInput input) {
      TanhSoftmaxOutput right = super.tanhSoftmax(input);
      double[] ones = new double[input.x().length];
      Arrays.fill(ones, 1);
      return new TanhSoftmaxOutput(right.hidden(), right.probabilities(), right.loss(),
          outer(ones, right.gradB1()), right.gradB1(), right.gradW2(), right.gradB2());
    }
  }

  /** {@code sigmoid'} treated as 1. */
  static final class SigmoidDerivativeForgotten extends BackpropReference {
    @Override
    protected double sigmoidDerivative(double pre, double out) {
      return 1;
    }
  }

  /** {@code sigmoid'(a)} computed as {@code a (1 - a)} from the pre-activation a. */
  static final class SigmoidDerivativeOfPreActivation extends BackpropReference {
    @Override
    protected double sigmoidDerivative(double pre, double out) {
      return pre * (1 - pre);
    }
  }

  /** The chain rule stops one factor early: {@code df/dw1} lacks the factor x. */
  static final class InputDroppedFromFirstWeight extends BackpropReference {
    @Override
    public SigmoidChainOutput sigmoidChain(SigmoidChainInput input) {
      SigmoidChainOutput right = super.sigmoidChain(input);
      double u1 = StableMath.sigmoid(input.w1() * input.x());
      double u2 = StableMath.sigmoid(input.w2() * u1);
      double dfdw1 = input.w3() * u2 * (1 - u2) * input.w2() * u1 * (1 - u1);
      return new SigmoidChainOutput(right.f(), dfdw1, right.dfdw2(), right.dfdw3());
    }
  }

  /** {@code tanh'(a) = 1 - tanh(a)}, not squared. */
  static final class TanhDerivativeNotSquared extends BackpropReference {
    @Override
    protected double tanhDerivative(double a, double hidden) {
      return 1 - hidden;
    }
  }

  /** {@code tanh'} treated as 1. */
  static final class TanhDerivativeForgotten extends BackpropReference {
    @Override
    protected double tanhDerivative(double a, double hidden) {
      return 1;
    }
  }

  /** {@code dL/ds = p}, the one-hot label not subtracted. */
  static final class SoftmaxGradientWithoutLabel extends BackpropReference {
    @Override
    protected double softmaxDelta(double probability, double complement, int target) {
      return probability;
    }
  }

  /** {@code dL/ds = t - p}. */
  static final class SoftmaxDeltaSignFlipped extends BackpropReference {
    @Override
    protected double softmaxDelta(double probability, double complement, int target) {
      return target == 1 ? complement : -probability;
    }
  }

  static List<KnownMistake<Backprop>> reluNet() {
    return List.of(
        new KnownMistake<>("relu-derivative-always-one",
            "relu'(a) was taken as 1 everywhere; it is 0 where a <= 0, so no gradient flows "
                + "through a unit that is off.",
            new ReluDerivativeAlwaysOne()),
        new KnownMistake<>("output-sigmoid-derivative-forgotten",
            "dL/dz is dL/dp times sigmoid'(z), which simplifies to sigmoid(z) - y; the sigmoid "
                + "derivative was left out.",
            new OutputSigmoidDerivativeForgotten()),
        new KnownMistake<>("output-delta-sign-flipped",
            "Sign error at the output: dL/dz = sigmoid(z) - y, not y - sigmoid(z).",
            new OutputDeltaSignFlipped()),
        new KnownMistake<>("gradient-uses-pre-activation",
            "A weight's gradient is the activation relu(a) of the unit it comes from times the "
                + "delta of the unit it goes to; the pre-activation a was used instead.",
            new GradientUsesPreActivation()),
        new KnownMistake<>("gradient-without-activation",
            "A weight's gradient is the activation of the unit it comes from times the delta of "
                + "the unit it goes to (dL/dw3[k] = h2[k] * dL/dz); the activation was left out.",
            new GradientWithoutActivation()));
  }

  static List<KnownMistake<Backprop>> sigmoidChain() {
    return List.of(
        new KnownMistake<>("sigmoid-derivative-forgotten",
            "The chain rule must multiply by sigmoid'(a) = sigmoid(a) (1 - sigmoid(a)) at each "
                + "sigmoid; it was left out.",
            new SigmoidDerivativeForgotten()),
        new KnownMistake<>("sigmoid-derivative-of-pre-activation",
            "sigmoid'(a) is sigmoid(a) (1 - sigmoid(a)), not a (1 - a) of the pre-activation a.",
            new SigmoidDerivativeOfPreActivation()),
        new KnownMistake<>("input-dropped-from-first-weight",
            "df/dw1 ends with the factor x (d(w1 x)/dw1 = x); it was left out.",
            new InputDroppedFromFirstWeight()));
  }

  static List<KnownMistake<Backprop>> tanhSoftmax() {
    return List.of(
        new KnownMistake<>("tanh-derivative-not-squared",
            "tanh'(a) = 1 - tanh(a)^2; the square was left out.",
            new TanhDerivativeNotSquared()),
        new KnownMistake<>("tanh-derivative-forgotten",
            "The hidden delta must be multiplied by tanh'(a) = 1 - tanh(a)^2; it was left out.",
            new TanhDerivativeForgotten()),
        new KnownMistake<>("softmax-gradient-without-label",
            "The gradient of cross-entropy with softmax is p - t: the one-hot label t was not "
                + "subtracted.",
            new SoftmaxGradientWithoutLabel()),
        new KnownMistake<>("softmax-delta-sign-flipped",
            "Sign error at the output: dL/ds = p - t, not t - p.",
            new SoftmaxDeltaSignFlipped()),
        new KnownMistake<>("output-gradient-without-hidden",
            "dL/dw2[j][c] = hidden[j] * (p[c] - t[c]): the hidden activation tanh(a_j) of the "
                + "unit the weight comes from was left out (that is dL/db2).",
            new OutputGradientWithoutHidden()),
        new KnownMistake<>("first-gradient-without-input",
            "dL/dw1[i][j] = x[i] * dL/da[j]: the input x_i the weight multiplies was left out "
                + "(that is dL/db1).",
            new FirstGradientWithoutInput()));
  }
}
