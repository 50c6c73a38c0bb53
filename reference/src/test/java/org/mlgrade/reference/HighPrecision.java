package org.mlgrade.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An independent high-precision evaluator for the reference's property tests: {@code exp},
 * {@code log}, {@code tanh}, {@code sigmoid} and {@code softplus} on {@link BigDecimal}s with 60
 * significant digits (more than {@link MathContext#DECIMAL128}'s 34), by Taylor and atanh series
 * with range reduction, written from the textbook formulas and sharing no code with the
 * reference. Inputs enter exactly ({@code new BigDecimal(double)}), so the only rounding in the
 * comparison is the reference's own.
 */
public final class HighPrecision {

  /** The working precision. */
  public static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);

  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal HALF = new BigDecimal("0.5");
  private static final BigDecimal EPSILON = new BigDecimal("1e-70");
  private static final BigDecimal LN2 = atanhSeries(BigDecimal.ONE.divide(BigDecimal.valueOf(3),
      MC)).multiply(TWO, MC);

  private HighPrecision() {}

  /** The exact value of a double. */
  public static BigDecimal of(double x) {
    return new BigDecimal(x);
  }

  /** {@code e^x}: Taylor series on {@code x / 2^k}, squared k times. */
  public static BigDecimal exp(BigDecimal x) {
    if (x.signum() < 0) {
      return BigDecimal.ONE.divide(exp(x.negate()), MC);
    }
    int halvings = 0;
    BigDecimal r = x;
    while (r.compareTo(HALF) > 0) {
      r = r.divide(TWO, MC);
      halvings++;
    }
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int n = 1; term.abs().compareTo(EPSILON) > 0; n++) {
      term = term.multiply(r, MC).divide(BigDecimal.valueOf(n), MC);
      sum = sum.add(term, MC);
    }
    for (int i = 0; i < halvings; i++) {
      sum = sum.multiply(sum, MC);
    }
    return sum;
  }

  /** {@code log x} for {@code x > 0}: {@code x = m 2^e}, {@code m} in [0.5, 1], atanh series. */
  public static BigDecimal log(BigDecimal x) {
    if (x.signum() <= 0) {
      throw new ArithmeticException("log of " + x);
    }
    int e = 0;
    BigDecimal m = x;
    while (m.compareTo(BigDecimal.ONE) > 0) {
      m = m.divide(TWO, MC);
      e++;
    }
    while (m.compareTo(HALF) < 0) {
      m = m.multiply(TWO, MC);
      e--;
    }
    BigDecimal z = m.subtract(BigDecimal.ONE, MC).divide(m.add(BigDecimal.ONE, MC), MC);
    return atanhSeries(z).multiply(TWO, MC).add(LN2.multiply(BigDecimal.valueOf(e), MC), MC);
  }

  /** {@code atanh z = z + z^3/3 + z^5/5 + ...} for {@code |z| <= 1/3}. */
  private static BigDecimal atanhSeries(BigDecimal z) {
    BigDecimal z2 = z.multiply(z, MC);
    BigDecimal power = z;
    BigDecimal sum = z;
    power = power.multiply(z2, MC);
    for (int n = 3; power.abs().compareTo(sum.abs().multiply(EPSILON)) > 0; n += 2) {
      sum = sum.add(power.divide(BigDecimal.valueOf(n), MC), MC);
      power = power.multiply(z2, MC);
    }
    return sum;
  }

  /**
   * {@code log(1 + x)} for {@code x > -1}: {@code 2 atanh(x / (2 + x))}, which keeps every digit
   * of a tiny x that {@code 1 + x} would round away.
   */
  public static BigDecimal log1p(BigDecimal x) {
    if (x.abs().compareTo(HALF) < 0) {
      return atanhSeries(x.divide(TWO.add(x, MC), MC)).multiply(TWO, MC);
    }
    return log(BigDecimal.ONE.add(x, MC));
  }

  /** {@code 1 / (1 + e^-z)}. */
  public static BigDecimal sigmoid(BigDecimal z) {
    return BigDecimal.ONE.divide(BigDecimal.ONE.add(exp(z.negate()), MC), MC);
  }

  /** {@code log(1 + e^z)}. */
  public static BigDecimal softplus(BigDecimal z) {
    return log1p(exp(z));
  }

  /** {@code (e^2a - 1) / (e^2a + 1)}. */
  public static BigDecimal tanh(BigDecimal a) {
    BigDecimal e2 = exp(a.multiply(TWO, MC));
    return e2.subtract(BigDecimal.ONE, MC).divide(e2.add(BigDecimal.ONE, MC), MC);
  }

  /** {@code sqrt x} for {@code x >= 0}. */
  public static BigDecimal sqrt(BigDecimal x) {
    return x.sqrt(MC);
  }

  /**
   * Asserts that the double {@code actual} is the true value {@code truth} to 1e-12 relative,
   * wherever the true value is a normal double; a true value below the normal range must come out
   * below it too (0 or subnormal), and one beyond the double range is not checked.
   */
  public static void assertClose(double actual, BigDecimal truth, String what) {
    double rounded = truth.doubleValue();
    if (Double.isInfinite(rounded)) {
      return;
    }
    if (Math.abs(rounded) < Double.MIN_NORMAL) {
      assertThat(Math.abs(actual)).as("%s: true value %s underflows", what, rounded)
          .isLessThan(Double.MIN_NORMAL);
      return;
    }
    assertThat(Double.isFinite(actual)).as("%s = %s, true value %s", what, actual, rounded)
        .isTrue();
    BigDecimal error = of(actual).subtract(truth, MC).abs();
    BigDecimal allowed = truth.abs().multiply(new BigDecimal("1e-12"), MC);
    assertThat(error.compareTo(allowed) <= 0)
        .as("%s = %s, true value %s (relative error %s)", what, actual, rounded,
            error.divide(truth.abs(), MathContext.DECIMAL32))
        .isTrue();
  }
}
