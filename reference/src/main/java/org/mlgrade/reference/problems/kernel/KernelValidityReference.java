package org.mlgrade.reference.problems.kernel;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.mlgrade.api.kernel.GramMatrix;
import org.mlgrade.api.kernel.KernelOnPoints;
import org.mlgrade.api.kernel.KernelSpec;
import org.mlgrade.api.kernel.KernelValidity;
import org.mlgrade.api.kernel.PsdVerdict;

/**
 * Reference solution of {@link KernelValidity}.
 *
 * <p>{@code K[i][j] = k(x_i, x_j)}, evaluated recursively on the {@link KernelSpec}; only the upper
 * triangle is evaluated and mirrored, so K is exactly symmetric. PSD rule: with the eigenvalues
 * {@code λ_1 <= ... <= λ_N} of K from EJML's symmetric QR eigen-decomposition and {@code scale =
 * max(1, max |λ_i|)}, K is PSD iff {@code λ_1 >= -RELATIVE_TOLERANCE * scale}; otherwise the unit
 * eigenvector of {@code λ_1} is the witness.
 */
public class KernelValidityReference implements KernelValidity {

  /** The relative tolerance of the PSD rule, as stated in the student's Javadoc. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  @Override
  public GramMatrix gram(KernelOnPoints input) {
    double[][] x = input.points();
    int n = x.length;
    // values[N, N], upper triangle evaluated, lower mirrored
    double[][] values = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        values[i][j] = evaluate(input.kernel(), x[i], x[j]);
        values[j][i] = values[i][j];
      }
    }
    return new GramMatrix(values);
  }

  @Override
  public PsdVerdict checkPsd(KernelOnPoints input) {
    double[][] k = gram(input).values();
    Eigen eigen = eigen(k);
    if (isPsd(eigen.min(), eigen.scale())) {
      return new PsdVerdict(true, eigen.min(), new double[0]);
    }
    return new PsdVerdict(false, eigen.min(), eigen.minVector());
  }

  /** The PSD rule of the Javadoc: {@code min >= -RELATIVE_TOLERANCE * scale}. */
  protected boolean isPsd(double minEigenvalue, double scale) {
    return minEigenvalue >= -RELATIVE_TOLERANCE * scale;
  }

  /** {@code k(x, z)} for one pair of points. */
  protected double evaluate(KernelSpec kernel, double[] x, double[] z) {
    double[] p = kernel.params();
    List<KernelSpec> parts = kernel.parts();
    return switch (kernel.kind()) {
      case LINEAR -> dot(x, z);
      case POLYNOMIAL -> Math.pow(dot(x, z) + p[0], (int) p[1]);
      case RBF -> Math.exp(-p[0] * squaredDistance(x, z));
      case WEIGHTED_SUM -> {
        double sum = 0;
        for (int m = 0; m < parts.size(); m++) {
          sum += p[m] * evaluate(parts.get(m), x, z);
        }
        yield sum;
      }
      case PRODUCT -> {
        double product = 1;
        for (KernelSpec part : parts) {
          product *= evaluate(part, x, z);
        }
        yield product;
      }
      case POLYNOMIAL_OF -> polynomialOf(p, evaluate(parts.get(0), x, z));
      case SQUARED_SUM_OF_AFFINE -> {
        double sum = affine(p, x) + affine(p, z);
        yield sum * sum;
      }
    };
  }

  /** {@code sum_d a[d] * b^d}, by Horner's rule. */
  protected double polynomialOf(double[] a, double b) {
    double value = 0;
    for (int d = a.length - 1; d >= 0; d--) {
      value = value * b + a[d];
    }
    return value;
  }

  /** {@code f(x) = w·x + c} with {@code params = [w_1, ..., w_dim, c]}. */
  static double affine(double[] params, double[] x) {
    double value = params[x.length];
    for (int j = 0; j < x.length; j++) {
      value += params[j] * x[j];
    }
    return value;
  }

  static double dot(double[] x, double[] z) {
    double sum = 0;
    for (int j = 0; j < x.length; j++) {
      sum += x[j] * z[j];
    }
    return sum;
  }

  /** {@code ||x - z||^2}. */
  protected double squaredDistance(double[] x, double[] z) {
    double sum = 0;
    for (int j = 0; j < x.length; j++) {
      double d = x[j] - z[j];
      sum += d * d;
    }
    return sum;
  }

  /**
   * The smallest eigenvalue of a symmetric matrix, its unit eigenvector and the scale {@code
   * max(1, max |λ|)}.
   */
  record Eigen(double min, double[] minVector, double scale) {}

  static Eigen eigen(double[][] symmetric) {
    int n = symmetric.length;
    EigenDecomposition_F64<DMatrixRMaj> decomposition =
        DecompositionFactory_DDRM.eig(n, true, true);
    if (!decomposition.decompose(new DMatrixRMaj(symmetric))) {
      throw new IllegalStateException("symmetric eigen-decomposition of a " + n + "x" + n
          + " Gram matrix did not converge");
    }
    int argMin = 0;
    double scale = 1;
    for (int i = 0; i < n; i++) {
      double lambda = decomposition.getEigenvalue(i).real;
      scale = Math.max(scale, Math.abs(lambda));
      if (lambda < decomposition.getEigenvalue(argMin).real) {
        argMin = i;
      }
    }
    DMatrixRMaj vector = decomposition.getEigenVector(argMin);
    double[] minVector = new double[n];
    double norm = 0;
    for (int i = 0; i < n; i++) {
      minVector[i] = vector.get(i, 0);
      norm += minVector[i] * minVector[i];
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < n; i++) {
      minVector[i] /= norm;
    }
    return new Eigen(decomposition.getEigenvalue(argMin).real, minVector, scale);
  }

  /** {@code aᵀKa}. */
  static double quadraticForm(double[][] k, double[] a) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        sum += a[i] * k[i][j] * a[j];
      }
    }
    return sum;
  }
}
