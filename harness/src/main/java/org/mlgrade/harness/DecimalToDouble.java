package org.mlgrade.harness;

/**
 * The double nearest to {@code digits * 10^exponent} (ties to even), as {@link Double#parseDouble}
 * gives it, computed with long arithmetic for up to 18 digits and exponents from -26 to 26, where
 * the JDK's general algorithm is slow. Most of the grader's inputs are written by {@link
 * Double#toString} with 16 or 17 digits: in a child that reads 13,000 of them, {@code parseDouble}
 * took about 40 ms of its 0.29 CPU-s.
 *
 * <p>With {@code 10^n = 5^n * 2^n}, the value is {@code digits * 5^n} (or {@code digits / 5^n})
 * times a power of two: an exact product of at most 126 bits, or a quotient computed bit by bit by
 * long division with its remainder. Either gives at least 55 leading bits and whether any bit below
 * them is set, which is all that rounding to 53 bits needs. The results are normal doubles (from
 * 1e-26 to 1e44), so scaling by a power of two is exact.
 */
final class DecimalToDouble {

  /** The largest exponent, either sign, handled here. */
  static final int MAX_EXPONENT = 26;

  /** 5^0 to 5^26: below 2^61, so that a remainder shifted by at least two bits stays a long. */
  private static final long[] POWERS_OF_FIVE = new long[MAX_EXPONENT + 1];

  static {
    POWERS_OF_FIVE[0] = 1;
    for (int i = 1; i <= MAX_EXPONENT; i++) {
      POWERS_OF_FIVE[i] = POWERS_OF_FIVE[i - 1] * 5;
    }
  }

  private DecimalToDouble() {}

  /**
   * The double nearest to {@code digits * 10^exponent}.
   *
   * @param digits from 0 to {@link Long#MAX_VALUE}
   * @param exponent from {@code -MAX_EXPONENT} to {@code MAX_EXPONENT}
   */
  static double value(long digits, int exponent) {
    if (digits == 0) {
      return 0.0;
    }
    if (exponent == 0) {
      return digits; // the JLS's long-to-double conversion rounds to nearest, ties to even
    }
    if (exponent > 0) {
      return product(digits, POWERS_OF_FIVE[exponent], exponent);
    }
    return quotient(digits, POWERS_OF_FIVE[-exponent], exponent);
  }

  /** {@code digits * five * 2^twos}, rounded. */
  private static double product(long digits, long five, int twos) {
    long high = Math.multiplyHigh(digits, five); // both below 2^63: the product is below 2^126
    long low = digits * five;
    if (high == 0 && low >= 0) {
      return Math.scalb((double) low, twos); // one rounding, then an exact scaling
    }
    int length = 128 - Long.numberOfLeadingZeros(high); // from 64 to 126 bits
    int shift = length - 63; // keep the 63 leading bits; 1 to 63
    long leading = (high << (64 - shift)) | (low >>> shift);
    boolean sticky = (low & ((1L << shift) - 1)) != 0;
    return round(leading, sticky, twos + shift);
  }

  /** {@code digits / five * 2^twos} ({@code twos} negative), rounded. */
  private static double quotient(long digits, long five, int twos) {
    long quotient = digits / five;
    long remainder = digits % five;
    int scale = twos;
    int roomInRemainder = Long.numberOfLeadingZeros(five) - 1; // remainder << room stays positive
    while (quotient < (1L << 54)) {
      int step = Math.min(roomInRemainder, Long.numberOfLeadingZeros(quotient) - 1);
      remainder <<= step;
      quotient = (quotient << step) | (remainder / five);
      remainder %= five;
      scale -= step;
    }
    return round(quotient, remainder != 0, scale);
  }

  /**
   * {@code (leading + e) * 2^scale} rounded to 53 bits, ties to even, where {@code leading} has 55
   * to 63 bits and {@code 0 <= e < 1} is nonzero exactly when {@code sticky}.
   */
  private static double round(long leading, boolean sticky, int scale) {
    int shift = 64 - Long.numberOfLeadingZeros(leading) - 53; // 2 to 10
    long mantissa = leading >>> shift;
    long rest = leading & ((1L << shift) - 1);
    long half = 1L << (shift - 1);
    if (rest > half || (rest == half && (sticky || (mantissa & 1) == 1))) {
      mantissa++; // 2^53 at most: still exact as a double
    }
    return Math.scalb((double) mantissa, scale + shift);
  }
}
