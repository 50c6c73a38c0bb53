package org.mlgrade.api.kernel;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A kernel function described as data: its {@link KernelKind}, its numeric parameters and, for the
 * composite kinds, the kernels it is built from. {@link KernelKind} says what {@code params} and
 * {@code parts} mean for each kind; the static factories build valid specs.
 *
 * <p>Example: {@code KernelSpec.weightedSum(new double[] {0.5, 2}, KernelSpec.linear(),
 * KernelSpec.rbf(0.5))} is {@code k(x, z) = 0.5 * x·z + 2 * exp(-0.5 * ||x - z||^2)} and prints
 * as {@code WeightedSum(0.5*Linear() + 2.0*RBF(gamma=0.5))}.
 *
 * @param kind which kernel
 * @param params the numbers of this kind, in the order {@link KernelKind} gives (may be empty)
 * @param parts the kernels a composite kind is built from (empty for the other kinds)
 */
public record KernelSpec(KernelKind kind, double[] params, List<KernelSpec> parts) {

  /** Largest degree of {@link KernelKind#POLYNOMIAL}. */
  public static final int MAX_DEGREE = 10;

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param kind which kernel
   * @param params the numbers of this kind, in the order {@link KernelKind} gives (may be empty)
   * @param parts the kernels a composite kind is built from (empty for the other kinds)
   */
  public KernelSpec {
    Objects.requireNonNull(kind, "kernel kind");
    Objects.requireNonNull(params, "kernel params");
    Objects.requireNonNull(parts, "kernel parts");
    params = params.clone();
    parts = List.copyOf(parts);
    for (double value : params) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            kind + " params must be finite, got " + Arrays.toString(params));
      }
    }
    switch (kind) {
      case LINEAR -> expectShape(kind, params, 0, parts, 0);
      case POLYNOMIAL -> {
        expectShape(kind, params, 2, parts, 0);
        double degree = params[1];
        if (degree != Math.rint(degree) || degree < 1 || degree > MAX_DEGREE) {
          throw new IllegalArgumentException(
              "POLYNOMIAL degree must be a whole number from 1 to " + MAX_DEGREE + ", got "
                  + degree);
        }
      }
      case RBF -> {
        expectShape(kind, params, 1, parts, 0);
        if (!(params[0] > 0)) {
          throw new IllegalArgumentException("RBF gamma must be > 0, got " + params[0]);
        }
      }
      case WEIGHTED_SUM -> {
        if (parts.isEmpty() || params.length != parts.size()) {
          throw new IllegalArgumentException("WEIGHTED_SUM needs one weight per part and at least"
              + " one part, got " + params.length + " weights and " + parts.size() + " parts");
        }
      }
      case PRODUCT -> {
        if (parts.isEmpty() || params.length != 0) {
          throw new IllegalArgumentException("PRODUCT needs no params and at least one part, got "
              + params.length + " params and " + parts.size() + " parts");
        }
      }
      case POLYNOMIAL_OF -> {
        if (params.length < 1 || parts.size() != 1) {
          throw new IllegalArgumentException("POLYNOMIAL_OF needs at least one coefficient and"
              + " exactly one part, got " + params.length + " coefficients and " + parts.size()
              + " parts");
        }
      }
      case SQUARED_SUM_OF_AFFINE -> {
        if (params.length < 2 || !parts.isEmpty()) {
          throw new IllegalArgumentException("SQUARED_SUM_OF_AFFINE needs params [w_1, ..., w_dim,"
              + " c] (at least 2) and no parts, got " + params.length + " params and "
              + parts.size() + " parts");
        }
      }
    }
  }

  private static void expectShape(
      KernelKind kind, double[] params, int paramCount, List<KernelSpec> parts, int partCount) {
    if (params.length != paramCount || parts.size() != partCount) {
      throw new IllegalArgumentException(kind + " needs " + paramCount + " params and "
          + partCount + " parts, got " + params.length + " params and " + parts.size() + " parts");
    }
  }

  /**
   * The kernel {@code k(x, z) = x·z}.
   *
   * @return the kernel
   */
  public static KernelSpec linear() {
    return new KernelSpec(KernelKind.LINEAR, new double[0], List.of());
  }

  /**
   * The kernel {@code k(x, z) = (x·z + c)^degree}.
   *
   * @param c the constant added
   * @param degree the power
   * @return the kernel
   */
  public static KernelSpec polynomial(double c, int degree) {
    return new KernelSpec(KernelKind.POLYNOMIAL, new double[] {c, degree}, List.of());
  }

  /**
   * The kernel {@code k(x, z) = exp(-gamma * ||x - z||^2)}.
   *
   * @param gamma the width parameter
   * @return the kernel
   */
  public static KernelSpec rbf(double gamma) {
    return new KernelSpec(KernelKind.RBF, new double[] {gamma}, List.of());
  }

  /**
   * The kernel {@code k(x, z) = sum_m weights[m] * parts[m](x, z)}.
   *
   * @param weights one weight per part
   * @param parts the kernels summed
   * @return the kernel
   */
  public static KernelSpec weightedSum(double[] weights, KernelSpec... parts) {
    return new KernelSpec(KernelKind.WEIGHTED_SUM, weights, List.of(parts));
  }

  /**
   * The kernel {@code k(x, z) = prod_m parts[m](x, z)}.
   *
   * @param parts the kernels multiplied
   * @return the kernel
   */
  public static KernelSpec product(KernelSpec... parts) {
    return new KernelSpec(KernelKind.PRODUCT, new double[0], List.of(parts));
  }

  /**
   * The kernel {@code k(x, z) = sum_d coefficients[d] * base(x, z)^d}.
   *
   * @param coefficients {@code coefficients[d]} multiplies the power {@code d}
   * @param base the kernel raised to each power
   * @return the kernel
   */
  public static KernelSpec polynomialOf(double[] coefficients, KernelSpec base) {
    return new KernelSpec(KernelKind.POLYNOMIAL_OF, coefficients, List.of(base));
  }

  /**
   * The kernel {@code k(x, z) = (f(x) + f(z))^2} with {@code f(x) = w·x + c}.
   *
   * @param w the weights of {@code f}
   * @param c the constant of {@code f}
   * @return the kernel
   */
  public static KernelSpec squaredSumOfAffine(double[] w, double c) {
    double[] params = Arrays.copyOf(w, w.length + 1);
    params[w.length] = c;
    return new KernelSpec(KernelKind.SQUARED_SUM_OF_AFFINE, params, List.of());
  }

  /** Reads like the formula, e.g. {@code RBF(gamma=0.5)} or {@code Polynomial(c=1.0, degree=2)}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    switch (kind) {
      case LINEAR -> text.append("Linear()");
      case POLYNOMIAL ->
          text.append("Polynomial(c=").append(params[0]).append(", degree=")
              .append((int) params[1]).append(')');
      case RBF -> text.append("RBF(gamma=").append(params[0]).append(')');
      case WEIGHTED_SUM -> {
        text.append("WeightedSum(");
        for (int m = 0; m < parts.size(); m++) {
          text.append(m == 0 ? "" : " + ").append(params[m]).append('*').append(parts.get(m));
        }
        text.append(')');
      }
      case PRODUCT -> {
        text.append("Product(");
        for (int m = 0; m < parts.size(); m++) {
          text.append(m == 0 ? "" : " * ").append(parts.get(m));
        }
        text.append(')');
      }
      case POLYNOMIAL_OF -> {
        text.append("PolynomialOf(k=").append(parts.get(0)).append(", ");
        for (int d = 0; d < params.length; d++) {
          text.append(d == 0 ? "" : " + ").append(params[d]);
          if (d >= 1) {
            text.append("*k");
          }
          if (d >= 2) {
            text.append('^').append(d);
          }
        }
        text.append(')');
      }
      case SQUARED_SUM_OF_AFFINE -> {
        int dim = params.length - 1;
        text.append("SquaredSum((f(x)+f(z))^2, f(x)=")
            .append(Arrays.toString(Arrays.copyOf(params, dim)))
            .append("·x + ").append(params[dim]).append(')');
      }
    }
    return text.toString();
  }

  /** Equal when kind, params and parts are equal (params by value). */
  @Override
  public boolean equals(Object other) {
    return other instanceof KernelSpec spec && kind == spec.kind
        && Arrays.equals(params, spec.params) && parts.equals(spec.parts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, Arrays.hashCode(params), parts);
  }
}
