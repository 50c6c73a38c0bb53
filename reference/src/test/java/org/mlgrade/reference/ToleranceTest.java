package org.mlgrade.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToleranceTest {

  @Test
  void followsNumpyIscloseRule() {
    // numpy.isclose(a, b, rtol=1e-3, atol=1e-6) uses |a - b| <= atol + rtol * |b|:
    // isclose(1.0009, 1.0) -> True, isclose(1.0011, 1.0) -> False, isclose(1.0, 1.0009) -> True.
    Tolerance tolerance = new Tolerance(1e-6, 1e-3);
    assertThat(tolerance.isClose(1.0009, 1.0)).isTrue();
    assertThat(tolerance.isClose(1.0011, 1.0)).isFalse();
    assertThat(tolerance.isClose(1.0, 1.0009)).isTrue();
  }

  @Test
  void relativePartScalesWithTheExpectedValueNotTheActual() {
    // |0 - 100| = 100 <= 0 + 0.5 * |expected|: true for expected 200, false for expected 0.
    Tolerance tolerance = new Tolerance(0, 0.5);
    assertThat(tolerance.isClose(100, 200)).isTrue();
    assertThat(tolerance.isClose(200, 100)).isFalse();
  }

  @Test
  void nanMatchesNothingAndInfinityOnlyItself() {
    // Issue 9: NaN never identifies a mistake, so two NaNs are not "the same answer" either.
    Tolerance loose = new Tolerance(1e300, 1);
    assertThat(loose.isClose(Double.NaN, Double.NaN)).isFalse();
    assertThat(loose.isClose(Double.NaN, 1)).isFalse();
    assertThat(loose.isClose(1, Double.NaN)).isFalse();
    assertThat(loose.isClose(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY)).isTrue();
    assertThat(loose.isClose(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).isFalse();
    assertThat(loose.isClose(Double.MAX_VALUE, Double.POSITIVE_INFINITY)).isFalse();
  }

  @Test
  void rejectsNegativeOrNonFiniteTolerances() {
    assertThatThrownBy(() -> new Tolerance(-1e-9, 0)).hasMessageContaining("abs");
    assertThatThrownBy(() -> new Tolerance(0, Double.NaN)).hasMessageContaining("rel");
    assertThatThrownBy(() -> new Tolerance(Double.POSITIVE_INFINITY, 0))
        .hasMessageContaining("abs");
  }
}
