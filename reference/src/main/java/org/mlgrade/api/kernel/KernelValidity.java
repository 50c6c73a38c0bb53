package org.mlgrade.api.kernel;

/**
 * Is a kernel valid? A function {@code k(x, z)} is a valid (Mercer) kernel when every Gram matrix
 * it makes is symmetric positive semi-definite (PSD). This assignment evaluates a kernel on given
 * points and decides whether that one Gram matrix is PSD; a Gram matrix that is not PSD proves the
 * kernel invalid.
 *
 * <h2>Kernels</h2>
 *
 * Kernels arrive as data ({@link KernelSpec}), not as code. The kinds are those of {@link
 * KernelKind}: {@code LINEAR} {@code x·z}; {@code POLYNOMIAL} {@code (x·z + c)^degree}; {@code
 * RBF} {@code exp(-gamma ||x - z||^2)}; {@code WEIGHTED_SUM} {@code sum_m w_m k_m(x, z)}; {@code
 * PRODUCT} {@code prod_m k_m(x, z)}; {@code POLYNOMIAL_OF} {@code sum_d a_d b(x, z)^d} of a base
 * kernel {@code b}; {@code SQUARED_SUM_OF_AFFINE} {@code (f(x) + f(z))^2} with {@code f(x) = w·x
 * + c}. Composite kernels nest: evaluate the parts recursively on the same two points.
 *
 * <p>Closure rules worth knowing (they are theorems, and a good check of your code): linear, RBF
 * and polynomial kernels with {@code c >= 0} are valid; a weighted sum of valid kernels with
 * weights {@code >= 0} is valid; a product of valid kernels is valid; a polynomial with
 * coefficients {@code >= 0} of a valid kernel is valid. Negative weights or coefficients, {@code c
 * < 0}, and {@code (f(x) + f(z))^2} carry no such guarantee. Beware: a Gram matrix whose entries
 * are all {@code >= 0}, or whose diagonal is {@code >= 0}, or that is merely symmetric, need not be
 * PSD.
 *
 * <h2>Worked example</h2>
 *
 * Points {@code x_1 = [1]}, {@code x_2 = [0]} and {@code k(x, z) = (f(x) + f(z))^2} with {@code
 * f(x) = 1·x + 0} ({@code KernelSpec.squaredSumOfAffine(new double[] {1}, 0)}), so {@code f(x_1) =
 * 1}, {@code f(x_2) = 0}:
 *
 * <pre>
 *   K = [[(1+1)^2, (1+0)^2],   = [[4, 1],
 *        [(0+1)^2, (0+0)^2]]      [1, 0]]
 * </pre>
 *
 * {@code det K = 4*0 - 1*1 = -1 < 0}, so one eigenvalue is negative: the eigenvalues are {@code 2 ±
 * sqrt(5)}, the minimum is {@code 2 - sqrt(5) = -0.2360679775}, and {@code a = [1, -4]} is a
 * witness: {@code aᵀKa = 4*1 + 2*1*(1*(-4)) + 0*16 = -4 < 0}. The kernel is not valid, even though
 * every entry of K is {@code >= 0}. With {@code x_2 = [-1]} instead, {@code f(x_2) = -1} and {@code
 * K = [[4, 0], [0, 4]]}, which is PSD (minimum eigenvalue 4): one PSD Gram matrix proves nothing.
 *
 * <p>Another: {@code RBF(gamma=0.5)} on {@code x_1 = [0, 0]}, {@code x_2 = [1, 1]} gives {@code
 * K[0][1] = exp(-0.5 * 2) = 0.3678794411714424} and {@code K[0][0] = K[1][1] = 1}.
 */
public interface KernelValidity {

  /**
   * The Gram matrix of {@code input.kernel()} on {@code input.points()}: {@code K[i][j] = k(x_i,
   * x_j)} for {@code i, j = 0 .. N-1}, an {@code N x N} array (row {@code i}, column {@code j}).
   *
   * @param input the kernel and the points
   * @return the Gram matrix
   */
  GramMatrix gram(KernelOnPoints input);

  /**
   * Decides whether the Gram matrix {@code K} of {@code input} (as {@link #gram}) is positive
   * semi-definite.
   *
   * <p>Let {@code λ_1 <= ... <= λ_N} be the eigenvalues of the symmetric matrix {@code K} and
   * {@code scale = max(1, max_i |λ_i|)}. Your code is compiled and run with the JDK and this API
   * only (no EJML, no other library), so write the symmetric eigen-decomposition yourself: the
   * cyclic Jacobi method is short and accurate for small matrices like those of the tests (a
   * handful of points). Rounding makes
   * the zero eigenvalues of a singular PSD matrix come out as tiny numbers of either sign, so the
   * rule has a tolerance relative to the matrix's scale:
   *
   * <pre>
   *   positiveSemidefinite  =  λ_1 >= -1e-9 * scale
   * </pre>
   *
   * <ul>
   *   <li>{@code minEigenvalue} is {@code λ_1} (compared with the rubric's tolerance);
   *   <li>{@code positiveSemidefinite} must match exactly;
   *   <li>{@code witness}: when not PSD, any vector {@code a} of length {@code N}, not zero, with
   *       {@code aᵀKa < -1e-9 * scale * (aᵀa)} is accepted (an eigenvector of {@code λ_1} always
   *       is); when PSD, the empty array {@code new double[0]}.
   * </ul>
   *
   * For the worked example in this interface's description: {@code positiveSemidefinite = false},
   * {@code minEigenvalue = -0.2360679775}, and {@code witness = [1, -4]} (or any other valid one,
   * such as the unit eigenvector {@code [0.2297529, -0.9732489]}).
   *
   * @param input the kernel and the points
   * @return whether the Gram matrix is PSD, its smallest eigenvalue and, if not PSD, a witness
   */
  PsdVerdict checkPsd(KernelOnPoints input);
}
