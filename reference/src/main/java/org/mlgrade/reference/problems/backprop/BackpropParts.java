package org.mlgrade.reference.problems.backprop;

import static org.mlgrade.reference.problems.backprop.BackpropReference.outer;
import static org.mlgrade.reference.problems.backprop.BackpropReference.timesTransposed;

import java.util.List;
import org.mlgrade.api.backprop.ReluNetInput;
import org.mlgrade.api.backprop.ReluNetOutput;
import org.mlgrade.api.backprop.TanhSoftmaxInput;
import org.mlgrade.api.backprop.TanhSoftmaxOutput;
import org.mlgrade.reference.PartedComparison;
import org.mlgrade.reference.PartedComparison.Field;
import org.mlgrade.reference.PartedComparison.Recomputed;
import org.mlgrade.reference.problems.StableMath;

/**
 * The parts of backpropagation answers, one per output component (each forward value, each
 * delta, each gradient), and how each follows from the others: a gradient computed correctly
 * from the student's own wrong delta is an error carried forward, not a second mistake.
 */
final class BackpropParts {

  private BackpropParts() {}

  /** {@code backprop.relu-net}: every component from the student's own previous ones. */
  static PartedComparison<ReluNetInput, ReluNetOutput> reluNet() {
    return PartedComparison.<ReluNetInput, ReluNetOutput>byComponent()
        .carryingForward((in, out) -> {
          double[] delta2 = new double[out.a2().length];
          for (int k = 0; k < delta2.length; k++) {
            delta2[k] = out.outputDelta() * in.w3()[k] * (out.a2()[k] > 0 ? 1 : 0);
          }
          double[] back1 = timesTransposed(in.w2(), out.delta2());
          double[] delta1 = new double[out.a1().length];
          for (int j = 0; j < delta1.length; j++) {
            delta1[j] = (out.a1()[j] > 0 ? 1 : 0) * back1[j];
          }
          double[] gradW3 = new double[out.h2().length];
          for (int k = 0; k < gradW3.length; k++) {
            gradW3[k] = out.h2()[k] * out.outputDelta();
          }
          double z = out.z();
          return List.of(
              part("h1", relu(out.a1()), "a1"),
              part("a2", BackpropReference.times(out.h1(), in.w2()), "h1"),
              part("h2", relu(out.a2()), "a2"),
              part("z", BackpropReference.dot(out.h2(), in.w3()), "h2"),
              part("probability", StableMath.sigmoid(z), "z"),
              part("loss", StableMath.logisticLoss(z, in.y()), "z"),
              part("outputDelta", StableMath.logisticGradient(z, in.y()), "z"),
              part("delta2", delta2, "outputDelta", "a2"),
              part("delta1", delta1, "delta2", "a1"),
              part("gradW1", outer(in.x(), out.delta1()), "delta1"),
              part("gradW2", outer(out.h1(), out.delta2()), "h1", "delta2"),
              part("gradW3", gradW3, "h2", "outputDelta"));
        });
  }

  /** {@code backprop.tanh-softmax}: every component from the student's own previous ones. */
  static PartedComparison<TanhSoftmaxInput, TanhSoftmaxOutput> tanhSoftmax() {
    return PartedComparison.<TanhSoftmaxInput, TanhSoftmaxOutput>byComponent()
        .carryingForward((in, out) -> {
          double[] s = BackpropReference.times(out.hidden(), in.w2());
          for (int c = 0; c < s.length; c++) {
            s[c] += in.b2()[c];
          }
          double lse = StableMath.logSumExp(s);
          double[] p = new double[s.length];
          for (int c = 0; c < s.length; c++) {
            p[c] = Math.exp(s[c] - lse);
          }
          double[] dS = out.probabilities().clone();
          dS[in.label()] -= 1;
          double[] back = timesTransposed(in.w2(), out.gradB2());
          double[] dA = new double[out.hidden().length];
          for (int j = 0; j < dA.length; j++) {
            dA[j] = (1 - out.hidden()[j] * out.hidden()[j]) * back[j];
          }
          return List.of(
              part("probabilities", p, "hidden"),
              part("loss", -Math.log(out.probabilities()[in.label()]), "probabilities"),
              part("gradB2", dS, "probabilities"),
              part("gradW2", outer(out.hidden(), out.gradB2()), "hidden", "gradB2"),
              part("gradB1", dA, "hidden", "gradB2"),
              part("gradW1", outer(in.x(), out.gradB1()), "gradB1"));
        });
  }

  private static Recomputed part(String name, Object value, String... from) {
    return new Recomputed(name, List.of(new Field(name, value)), List.of(from));
  }

  private static double[] relu(double[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = Math.max(a[i], 0);
    }
    return out;
  }
}
