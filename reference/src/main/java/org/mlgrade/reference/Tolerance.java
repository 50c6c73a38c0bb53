package org.mlgrade.reference;

/**
 * How close a floating-point answer must be to the reference: {@code |actual - expected| <= abs +
 * rel * |expected|}, the rule of NumPy's {@code isclose}.
 *
 * <p>NaN is close to nothing, not even NaN: a NaN answer is always wrong, and two NaNs are never
 * "the same wrong answer" when a known mistake is diagnosed (many different mistakes give NaN).
 * An infinity is close only to the infinity of the same sign, so that an overflowing wrong answer
 * is still recognised.
 *
 * @param abs absolute tolerance, finite and {@code >= 0}
 * @param rel relative tolerance, finite and {@code >= 0}
 */
public record Tolerance(double abs, double rel) {

  /** Exact comparison: both tolerances zero. */
  public static final Tolerance EXACT = new Tolerance(0, 0);

  /** A default for double-precision numerical answers: {@code abs = 1e-9, rel = 1e-6}. */
  public static final Tolerance DEFAULT = new Tolerance(1e-9, 1e-6);

  public Tolerance {
    if (!(abs >= 0) || !Double.isFinite(abs)) {
      throw new IllegalArgumentException("abs tolerance must be finite and >= 0, got " + abs);
    }
    if (!(rel >= 0) || !Double.isFinite(rel)) {
      throw new IllegalArgumentException("rel tolerance must be finite and >= 0, got " + rel);
    }
  }

  /** Whether {@code actual} is close enough to {@code expected}. */
  public boolean isClose(double actual, double expected) {
    if (Double.isNaN(actual) || Double.isNaN(expected)) {
      return false;
    }
    if (Double.isInfinite(actual) || Double.isInfinite(expected)) {
      return actual == expected;
    }
    return Math.abs(actual - expected) <= abs + rel * Math.abs(expected);
  }
}
