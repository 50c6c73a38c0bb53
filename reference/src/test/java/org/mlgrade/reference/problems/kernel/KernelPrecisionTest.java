package org.mlgrade.reference.problems.kernel;

import static org.mlgrade.reference.HighPrecision.MC;
import static org.mlgrade.reference.HighPrecision.assertClose;
import static org.mlgrade.reference.HighPrecision.of;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.kernel.KernelOnPoints;
import org.mlgrade.api.kernel.KernelSpec;
import org.mlgrade.reference.HighPrecision;

/**
 * Gram matrices of the linear, polynomial and RBF kernels against a 60-digit evaluation ({@link
 * HighPrecision}), to 1e-12 relative, on random points from 1e-3 to 1e2 in magnitude and RBF
 * widths up to the edge of underflow.
 */
class KernelPrecisionTest {

  @Test
  void gramMatricesAreExact() {
    SplittableRandom random = new SplittableRandom(7_777);
    KernelValidityReference reference = new KernelValidityReference();
    for (int trial = 0; trial < 150; trial++) {
      int n = 1 + random.nextInt(4);
      int d = 1 + random.nextInt(4);
      double scale = Math.pow(10, random.nextInt(-3, 3));
      double[][] points = new double[n][];
      for (int i = 0; i < n; i++) {
        points[i] = random.doubles(d, -scale, scale).toArray();
      }
      double c = random.nextDouble(0, 2);
      int degree = 1 + random.nextInt(4);
      double gamma = Math.pow(10, random.nextInt(-3, 3)) * random.nextDouble(0.1, 1);
      KernelSpec[] kernels = {KernelSpec.linear(), KernelSpec.polynomial(c, degree),
          KernelSpec.rbf(gamma)};
      for (KernelSpec kernel : kernels) {
        double[][] gram = reference.gram(new KernelOnPoints(kernel, points)).values();
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            BigDecimal dot = BigDecimal.ZERO;
            BigDecimal squared = BigDecimal.ZERO;
            for (int f = 0; f < d; f++) {
              dot = dot.add(of(points[i][f]).multiply(of(points[j][f])));
              BigDecimal diff = of(points[i][f]).subtract(of(points[j][f]));
              squared = squared.add(diff.multiply(diff));
            }
            BigDecimal truth = switch (kernel.kind()) {
              case LINEAR -> dot;
              case POLYNOMIAL -> dot.add(of(c)).pow(degree, MC);
              default -> HighPrecision.exp(of(gamma).multiply(squared).negate());
            };
            assertClose(gram[i][j], truth, kernel + " K[" + i + "][" + j + "] #" + trial);
          }
        }
      }
    }
  }
}
