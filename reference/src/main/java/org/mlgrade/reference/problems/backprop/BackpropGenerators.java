package org.mlgrade.reference.problems.backprop;

import static org.mlgrade.reference.problems.RandomArrays.matrix;
import static org.mlgrade.reference.problems.RandomArrays.uniform;
import static org.mlgrade.reference.problems.RandomArrays.vector;

import java.util.SplittableRandom;
import org.mlgrade.api.backprop.ReluNetInput;
import org.mlgrade.api.backprop.SigmoidChainInput;
import org.mlgrade.api.backprop.TanhSoftmaxInput;
import org.mlgrade.reference.InputGenerator;

/**
 * Seeded inputs: the first indices are the homework's net and the Javadoc examples, units that are
 * off, saturated sigmoids and huge scores; then random weights. No generated ReLU pre-activation
 * is 0, so the choice of {@code relu'(0)} never decides a grade.
 */
final class BackpropGenerators {

  /** How far from 0 a random pre-activation must be (finite differences step well inside it). */
  static final double KINK_MARGIN = 1e-3;

  private BackpropGenerators() {}

  /** The homework's 2-2-2-1 net: w1 = {{1, -1}, {-1, 1}}, w2 = {{-1, -1}, {1, 1}}, w3 = (1, 1). */
  static ReluNetInput homeworkNet(double[] x, int y) {
    return new ReluNetInput(x, new double[][] {{1, -1}, {-1, 1}},
        new double[][] {{-1, -1}, {1, 1}}, new double[] {1, 1}, y);
  }

  static InputGenerator<ReluNetInput> reluNet() {
    return (random, index) -> switch (index) {
      // the published numbers: z = 2, dL/dz = 0.8808, delta1 = (0, 1.7616)
      case 0 -> homeworkNet(new double[] {1, 2}, 0);
      case 1 -> homeworkNet(new double[] {1, 2}, 1);
      // a1 = (1, -1), a2 = (-1, -1): every unit of layer 2 is off, z = 0
      case 2 -> homeworkNet(new double[] {2, 1}, 1);
      // z = 540: the loss must not overflow
      case 3 -> new ReluNetInput(new double[] {10, 20}, new double[][] {{3, -3}, {-3, 3}},
          new double[][] {{-3, -3}, {3, 3}}, new double[] {3, 3}, 0);
      // one unit per layer, both on, a negative output weight: a1 = 3, a2 = 1.5, z = -3
      case 4 -> new ReluNetInput(new double[] {1.5}, new double[][] {{2}},
          new double[][] {{0.5}}, new double[] {-2}, 1);
      default -> randomReluNet(random, index < 12);
    };
  }

  /**
   * A random net whose pre-activations are all at least {@link #KINK_MARGIN} away from 0, drawn
   * again until one is: with every unit of layer 1 off, layer 2 would sit exactly on the kink.
   */
  static ReluNetInput randomReluNet(SplittableRandom random, boolean homeworkShape) {
    while (true) {
      int n0 = homeworkShape ? 2 : 1 + random.nextInt(4);
      int n1 = homeworkShape ? 2 : 1 + random.nextInt(4);
      int n2 = homeworkShape ? 2 : 1 + random.nextInt(4);
      ReluNetInput net = new ReluNetInput(vector(random, n0, 2), matrix(random, n0, n1, 1.5),
          matrix(random, n1, n2, 1.5), vector(random, n2, 1.5), random.nextInt(2));
      double[] a1 = BackpropReference.times(net.x(), net.w1());
      double[] h1 = new double[n1];
      for (int j = 0; j < n1; j++) {
        h1[j] = Math.max(a1[j], 0);
      }
      if (awayFromKink(a1) && awayFromKink(BackpropReference.times(h1, net.w2()))) {
        return net;
      }
    }
  }

  private static boolean awayFromKink(double[] pre) {
    for (double a : pre) {
      if (Math.abs(a) < KINK_MARGIN) {
        return false;
      }
    }
    return true;
  }

  static InputGenerator<SigmoidChainInput> sigmoidChain() {
    return (random, index) -> switch (index) {
      // Javadoc example: f = 2.1931757, df/dw1 = 0.5898358
      case 0 -> new SigmoidChainInput(2, 0, 2, 3);
      // x = 0: df/dw1 = 0
      case 1 -> new SigmoidChainInput(0, 1.5, -2, 1);
      case 2 -> new SigmoidChainInput(1, 1, 1, 1);
      // saturated first sigmoid: df/dw1 is tiny
      case 3 -> new SigmoidChainInput(10, 5, -3, 2);
      default -> new SigmoidChainInput(uniform(random, -3, 3), uniform(random, -3, 3),
          uniform(random, -3, 3), uniform(random, -3, 3));
    };
  }

  static InputGenerator<TanhSoftmaxInput> tanhSoftmax() {
    return (random, index) -> switch (index) {
      // Javadoc example: loss 0.1758362
      case 0 -> new TanhSoftmaxInput(new double[] {1, 2}, new double[][] {{0.5, -1}, {0, 0.5}},
          new double[] {0, 1}, new double[][] {{1, -1, 0}, {2, 0, -1}}, new double[] {0, 0, 0.5},
          0);
      // scores near +-800: exp overflows unless the maximum is subtracted first
      case 1 -> new TanhSoftmaxInput(new double[] {3, -2}, new double[][] {{1, 0.5}, {-1, 2}},
          new double[] {0.1, -0.1}, new double[][] {{400, -400, 0}, {400, 0, -400}},
          new double[] {0, 0, 0}, 1);
      // the smallest net: one input, one hidden unit, two classes
      case 2 -> new TanhSoftmaxInput(new double[] {0.7}, new double[][] {{-1.2}},
          new double[] {0.3}, new double[][] {{2, -1}}, new double[] {0.5, -0.5}, 1);
      default -> {
        int d = 1 + random.nextInt(4);
        int h = 1 + random.nextInt(4);
        int k = 2 + random.nextInt(4);
        yield new TanhSoftmaxInput(vector(random, d, 2), matrix(random, d, h, 1.5),
            vector(random, h, 1), matrix(random, h, k, 1.5), vector(random, k, 1),
            random.nextInt(k));
      }
    };
  }
}
