package hw;

import org.mlgrade.api.backprop.Backprop;
import org.mlgrade.api.backprop.ReluNetInput;
import org.mlgrade.api.backprop.ReluNetOutput;
import org.mlgrade.api.backprop.SigmoidChainInput;
import org.mlgrade.api.backprop.SigmoidChainOutput;
import org.mlgrade.api.backprop.TanhSoftmaxInput;
import org.mlgrade.api.backprop.TanhSoftmaxOutput;

/** Forward and backward passes of the three small networks, by hand. */
public class BackpropSolution implements Backprop {

  private static double sig(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  private static double reluGrad(double a) {
    return a > 0 ? 1.0 : 0.0;
  }

  @Override
  public ReluNetOutput reluNet(ReluNetInput in) {
    double[] x = in.x();
    double[][] w1 = in.w1();
    double[][] w2 = in.w2();
    double[] w3 = in.w3();
    int n0 = x.length;
    int n1 = w1[0].length;
    int n2 = w2[0].length;

    double[] a1 = new double[n1];
    double[] h1 = new double[n1];
    for (int j = 0; j < n1; j++) {
      for (int i = 0; i < n0; i++) {
        a1[j] += x[i] * w1[i][j];
      }
      h1[j] = Math.max(a1[j], 0);
    }
    double[] a2 = new double[n2];
    double[] h2 = new double[n2];
    for (int k = 0; k < n2; k++) {
      for (int j = 0; j < n1; j++) {
        a2[k] += h1[j] * w2[j][k];
      }
      h2[k] = Math.max(a2[k], 0);
    }
    double z = 0;
    for (int k = 0; k < n2; k++) {
      z += h2[k] * w3[k];
    }
    double prob = sig(z);
    double loss = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - in.y() * z;

    double dz = prob - in.y();
    double[] d2 = new double[n2];
    double[] g3 = new double[n2];
    for (int k = 0; k < n2; k++) {
      d2[k] = dz * w3[k] * reluGrad(a2[k]);
      g3[k] = dz * h2[k];
    }
    double[] d1 = new double[n1];
    double[][] g2 = new double[n1][n2];
    for (int j = 0; j < n1; j++) {
      double back = 0;
      for (int k = 0; k < n2; k++) {
        back += w2[j][k] * d2[k];
        g2[j][k] = h1[j] * d2[k];
      }
      d1[j] = reluGrad(a1[j]) * back;
    }
    double[][] g1 = new double[n0][n1];
    for (int i = 0; i < n0; i++) {
      for (int j = 0; j < n1; j++) {
        g1[i][j] = x[i] * d1[j];
      }
    }
    return new ReluNetOutput(a1, h1, a2, h2, z, prob, loss, dz, d1, d2, g1, g2, g3);
  }

  @Override
  public SigmoidChainOutput sigmoidChain(SigmoidChainInput in) {
    double u1 = sig(in.w1() * in.x());
    double u2 = sig(in.w2() * u1);
    double f = in.w3() * u2;
    double top = in.w3() * u2 * (1 - u2);
    double dw2 = top * u1;
    double dw1 = top * in.w2() * u1 * (1 - u1) * in.x();
    return new SigmoidChainOutput(f, dw1, dw2, u2);
  }

  @Override
  public TanhSoftmaxOutput tanhSoftmax(TanhSoftmaxInput in) {
    double[] x = in.x();
    int d = x.length;
    int h = in.b1().length;
    int k = in.b2().length;
    double[] hidden = new double[h];
    for (int j = 0; j < h; j++) {
      double a = in.b1()[j];
      for (int i = 0; i < d; i++) {
        a += x[i] * in.w1()[i][j];
      }
      hidden[j] = Math.tanh(a);
    }
    double[] s = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      s[c] = in.b2()[c];
      for (int j = 0; j < h; j++) {
        s[c] += hidden[j] * in.w2()[j][c];
      }
      max = Math.max(max, s[c]);
    }
    double denom = 0;
    for (int c = 0; c < k; c++) {
      denom += Math.exp(s[c] - max);
    }
    double[] prob = new double[k];
    for (int c = 0; c < k; c++) {
      prob[c] = Math.exp(s[c] - max) / denom;
    }
    double loss = max + Math.log(denom) - s[in.label()];

    double[] ds = new double[k];
    for (int c = 0; c < k; c++) {
      ds[c] = prob[c] - (c == in.label() ? 1 : 0);
    }
    double[][] gw2 = new double[h][k];
    double[] da = new double[h];
    for (int j = 0; j < h; j++) {
      double back = 0;
      for (int c = 0; c < k; c++) {
        gw2[j][c] = hidden[j] * ds[c];
        back += in.w2()[j][c] * ds[c];
      }
      da[j] = (1 - hidden[j] * hidden[j]) * back;
    }
    double[][] gw1 = new double[d][h];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < h; j++) {
        gw1[i][j] = x[i] * da[j];
      }
    }
    return new TanhSoftmaxOutput(hidden, prob, loss, gw1, da.clone(), gw2, ds.clone());
  }
}
