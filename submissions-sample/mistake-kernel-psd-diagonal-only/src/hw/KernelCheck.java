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
    // a Gram matrix is PSD when no point has negative "self-similarity" k(x, x)
    int low = 0;
    for (int i = 1; i < n; i++) {
      if (a[i][i] < a[low][low]) {
        low = i;
      }
    }
    if (a[low][low] >= 0) {
      return new PsdVerdict(true, a[low][low], new double[0]);
    }
    double[] witness = new double[n];
    witness[low] = 1;
    return new PsdVerdict(false, a[low][low], witness);
  }
}
