package org.mlgrade.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructuralComparisonTest {

  record Shape(int height, int width, int depth) {}

  record Layer(String name, Shape shape, double[] weights, List<Double> losses, boolean valid) {}

  private static final Tolerance TOLERANCE = new Tolerance(1e-9, 1e-6);

  private static Layer layer(double w0, int depth) {
    return new Layer("conv1", new Shape(55, 55, depth), new double[] {w0, 2.0}, List.of(0.5),
        true);
  }

  @Test
  void equalWithinToleranceGivesNoMismatch() {
    assertThat(StructuralComparison.compare(layer(1.0, 96), layer(1.0 + 1e-7, 96), TOLERANCE))
        .isEmpty();
  }

  @Test
  void namesThePathOfEveryDifference() {
    List<Mismatch> mismatches =
        StructuralComparison.compare(layer(1.0, 96), layer(1.1, 48), TOLERANCE);
    assertThat(mismatches)
        .containsExactly(new Mismatch("shape.depth", "96", "48"),
            new Mismatch("weights[0]", "1.0", "1.1"));
  }

  @Test
  void countsCompareExactlyEvenWithLooseTolerance() {
    assertThat(StructuralComparison.compare(new Shape(2, 2, 4), new Shape(2, 2, 5),
        new Tolerance(10, 10))).hasSize(1);
  }

  @Test
  void arrayLengthsAreReportedAsShapes() {
    assertThat(StructuralComparison.compare(new double[] {1, 2, 3}, new double[] {1, 2},
        TOLERANCE)).containsExactly(new Mismatch("", "length 3", "length 2"));
    assertThat(StructuralComparison.compare(new double[][] {{1, 2}, {3, 4}},
        new double[][] {{1, 2}, {3}}, TOLERANCE))
        .containsExactly(new Mismatch("[1]", "length 2", "length 1"));
  }

  @Test
  void nullAnswerIsAMismatchNotACrash() {
    assertThat(StructuralComparison.compare(layer(1, 96), null, TOLERANCE))
        .singleElement().satisfies(m -> assertThat(m.actual()).isEqualTo("null"));
    Layer withNullWeights = new Layer("conv1", new Shape(55, 55, 96), null, List.of(0.5), true);
    assertThat(StructuralComparison.compare(layer(1, 96), withNullWeights, TOLERANCE))
        .containsExactly(new Mismatch("weights", "[1.0, 2.0]", "null"));
  }

  @Test
  void longListsOfDifferencesAreCappedAndCounted() {
    double[] expected = new double[784];
    double[] actual = new double[784];
    Arrays.fill(actual, 1);
    List<Mismatch> mismatches = StructuralComparison.compare(expected, actual, TOLERANCE);
    // Every listed entry is a real difference (issue 9: no bogus "expected , got ... and N more"
    // entry); the rest are counted.
    assertThat(mismatches).hasSize(StructuralComparison.MAX_MISMATCHES)
        .allSatisfy(m -> assertThat(m.path()).startsWith("["));
    assertThat(StructuralComparison.differences("", expected, actual, TOLERANCE).omitted())
        .isEqualTo(784 - StructuralComparison.MAX_MISMATCHES);
  }
}
