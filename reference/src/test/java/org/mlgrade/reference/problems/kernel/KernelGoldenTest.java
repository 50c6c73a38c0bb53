package org.mlgrade.reference.problems.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlgrade.reference.GoldenVectors;
import org.mlgrade.api.kernel.KernelOnPoints;
import org.mlgrade.api.kernel.PsdVerdict;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.Tolerance;

/**
 * The reference against NumPy: Gram matrices evaluated by broadcasting and eigenvalues from {@code
 * numpy.linalg.eigvalsh}, written by {@code reference/scripts/kernel_golden.py}.
 */
class KernelGoldenTest {

  /** Gram entries: float64 arithmetic along different paths, agreeing to ~1e-15 relative. */
  private static final Tolerance GRAM = new Tolerance(1e-12, 1e-12);

  private final KernelValidityReference reference = new KernelValidityReference();

  record Golden(String name, KernelOnPoints input, double[][] gram, double[] eigenvalues,
      double minEigenvalue, boolean positiveSemidefinite) {}

  static List<Golden> golden() throws IOException {
    List<Golden> cases = new ArrayList<>();
    for (JsonNode node : GoldenVectors.read("/golden/kernel/kernel_golden.json")) {
      cases.add(new Golden(node.get("name").asText(),
          Wire.MAPPER.treeToValue(node.get("input"), KernelOnPoints.class),
          Wire.MAPPER.treeToValue(node.get("gram"), double[][].class),
          Wire.MAPPER.treeToValue(node.get("eigenvalues"), double[].class),
          node.get("minEigenvalue").asDouble(), node.get("positiveSemidefinite").asBoolean()));
    }
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> gramMatchesNumpyBroadcasting() throws IOException {
    return golden().stream().map(golden -> DynamicTest.dynamicTest(golden.name(), () -> {
      double[][] gram = reference.gram(golden.input()).values();
      assertThat(gram).hasDimensions(golden.gram().length, golden.gram().length);
      for (int i = 0; i < gram.length; i++) {
        for (int j = 0; j < gram.length; j++) {
          assertThat(GRAM.isClose(gram[i][j], golden.gram()[i][j]))
              .as("K[%d][%d] = %s, NumPy %s", i, j, gram[i][j], golden.gram()[i][j]).isTrue();
        }
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> verdictMatchesNumpyEigvalsh() throws IOException {
    return golden().stream().map(golden -> DynamicTest.dynamicTest(golden.name(), () -> {
      PsdVerdict verdict = reference.checkPsd(golden.input());
      double scale = 1;
      for (double lambda : golden.eigenvalues()) {
        scale = Math.max(scale, Math.abs(lambda));
      }
      assertThat(verdict.positiveSemidefinite()).isEqualTo(golden.positiveSemidefinite());
      // eigenvalues of a symmetric matrix are well conditioned: |error| <~ 1e-15 * scale
      assertThat(verdict.minEigenvalue())
          .isCloseTo(golden.minEigenvalue(), offset(1e-12 * scale));
      if (golden.positiveSemidefinite()) {
        assertThat(verdict.witness()).isEmpty();
      } else {
        // the witness proves non-PSD on NumPy's Gram matrix: its Rayleigh quotient is λ_min
        double[] a = verdict.witness();
        double squaredNorm = 0;
        for (double value : a) {
          squaredNorm += value * value;
        }
        double rayleigh = KernelValidityReference.quadraticForm(golden.gram(), a) / squaredNorm;
        assertThat(rayleigh)
            .isCloseTo(golden.minEigenvalue(), offset(1e-12 * scale))
            .isLessThan(-1e-9 * scale);
      }
    }));
  }
}
