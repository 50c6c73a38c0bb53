package hw;

import java.util.List;
import org.mlgrade.api.kernel.GramMatrix;
import org.mlgrade.api.kernel.KernelOnPoints;
import org.mlgrade.api.kernel.KernelSpec;
import org.mlgrade.api.kernel.KernelValidity;
import org.mlgrade.api.kernel.PsdVerdict;

/** Homework: Gram matrices and whether they are positive semi-definite (Jacobi eigenvalues). */
public class KernelCheck implements KernelValidity {

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double eval(KernelSpec k, double[] x, double[] z) {
    double[] prm = k.params();
    List<KernelSpec> parts = k.parts();
    switch (k.kind()) {
      case LINEAR:
        return dot(x, z);
      case POLYNOMIAL:
        return Math.pow(dot(x, z) + prm[0], prm[1]);
      case RBF: {
        double d2 = 0;
        for (int i = 0; i < x.length; i++) {
          double diff = x[i] - z[i];
          d2 += diff * diff;
        }
        return Math.exp(-prm[0] * d2);
      }
      case WEIGHTED_SUM: {
        double s = 0;
        for (int m = 0; m < parts.size(); m++) {
          s += prm[m] * eval(parts.get(m), x, z);
        }
        return s;
      }
      case PRODUCT: {
        double s = 1;
        for (KernelSpec part : parts) {
          s *= eval(part, x, z);
        }
        return s;
      }
      case POLYNOMIAL_OF: {
        double base = eval(parts.get(0), x, z);
        double s = 0;
        double power = 1;
        for (double coeff : prm) {
          s += coeff * power;
          power *= base;
        }
        return s;
      }
      case SQUARED_SUM_OF_AFFINE: {
        int dim = prm.length - 1;
        double fx = prm[dim];
        double fz = prm[dim];
        for (int i = 0; i < dim; i++) {
          fx += prm[i] * x[i];
          fz += prm[i] * z[i];
        }
        return (fx + fz) * (fx + fz);
      }
      default:
        throw new IllegalArgumentException("unknown kernel " + k.kind());
    }
  }

  private static double[][] buildGram(KernelOnPoints input) {
    double[][] pts = input.points();
    int n = pts.length;
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        g[i][j] = eval(input.kernel(), pts[i], pts[j]);
      }
    }
    return g;
  }

  @Override
  public GramMatrix gram(KernelOnPoints input) {
    return new GramMatrix(buildGram(input));
  }

  @Override
  public PsdVerdict checkPsd(KernelOnPoints input) {
    double[][] a = buildGram(input);
    int n = a.length;
    // symmetrise against rounding, then cyclic Jacobi rotations
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double avg = 0.5 * (a[i][j] + a[j][i]);
        a[i][j] = avg;
        a[j][i] = avg;
      }
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      double all = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          all += a[i][j] * a[i][j];
          if (i != j) {
            off += a[i][j] * a[i][j];
          }
        }
      }
      if (off <= 1e-30 * all || off == 0) {
        break;
      }
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          if (a[p][q] == 0) {
            continue;
          }
          double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int r = 0; r < n; r++) {
            double arp = a[r][p];
            double arq = a[r][q];
            a[r][p] = c * arp - s * arq;
            a[r][q] = s * arp + c * arq;
          }
          for (int r = 0; r < n; r++) {
            double apr = a[p][r];
            double aqr = a[q][r];
            a[p][r] = c * apr - s * aqr;
            a[q][r] = s * apr + c * aqr;
          }
          for (int r = 0; r < n; r++) {
            double vrp = v[r][p];
            double vrq = v[r][q];
            v[r][p] = c * vrp - s * vrq;
            v[r][q] = s * vrp + c * vrq;
          }
        }
      }
    }
    int smallest = 0;
    double biggestAbs = 0;
    for (int i = 0; i < n; i++) {
      if (a[i][i] < a[smallest][smallest]) {
        smallest = i;
      }
      biggestAbs = Math.max(biggestAbs, Math.abs(a[i][i]));
    }
    double lambdaMin = a[smallest][smallest];
    double scale = Math.max(1, biggestAbs);
    boolean psd = lambdaMin >= -1e-9 * scale;
    double[] witness = new double[0];
    if (!psd) {
      witness = new double[n];
      for (int r = 0; r < n; r++) {
        witness[r] = v[r][smallest];
      }
    }
    return new PsdVerdict(psd, lambdaMin, witness);
  }
}
