package org.mlgrade.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The long-arithmetic conversion against the JDK's {@link Double#parseDouble} (an independent,
 * correctly rounded implementation), bit for bit: random digits and exponents, the 17-digit texts
 * {@link Double#toString} writes, and exact ties, which must round to even.
 */
class DecimalToDoubleTest {

  private static void check(long digits, int exponent) {
    double expected = Double.parseDouble(digits + "e" + exponent);
    assertThat(Double.doubleToRawLongBits(DecimalToDouble.value(digits, exponent)))
        .as("%de%d", digits, exponent)
        .isEqualTo(Double.doubleToRawLongBits(expected));
  }

  @Test
  void randomDigitsAndExponentsAreRoundedAsTheJdkRoundsThem() {
    SplittableRandom random = new SplittableRandom(2026);
    for (int i = 0; i < 300_000; i++) {
      int length = random.nextInt(1, 19);
      long digits = random.nextLong((long) Math.pow(10, length - 1), (long) Math.pow(10, length));
      check(
          digits, random.nextInt(-DecimalToDouble.MAX_EXPONENT, DecimalToDouble.MAX_EXPONENT + 1));
    }
    check(999_999_999_999_999_999L, DecimalToDouble.MAX_EXPONENT);
    check(999_999_999_999_999_999L, -DecimalToDouble.MAX_EXPONENT);
    check(1, -DecimalToDouble.MAX_EXPONENT);
    check(Long.MAX_VALUE, 0);
    check(Long.MAX_VALUE, -1);
    check(Long.MAX_VALUE, 1);
  }

  @Test
  void theTextsDoubleToStringWritesReadBackExactly() throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      double value = random.nextDouble() * Math.pow(10, random.nextInt(-12, 12));
      String text = Double.toString(value);
      byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
      double back = new JsonReader(bytes, 0, bytes.length).number();
      assertThat(Double.doubleToRawLongBits(back))
          .as(text)
          .isEqualTo(Double.doubleToRawLongBits(value));
    }
  }

  @Test
  void exactTiesRoundToEven() {
    SplittableRandom random = new SplittableRandom(11);
    // t * 10^e = (5^e * t) * 2^e, with 5^e * t an odd 54-bit number: halfway between two doubles.
    for (int e = 1; e <= 23; e++) {
      long five = (long) Math.pow(5, e);
      long low = ((1L << 53) + five - 1) / five;
      long high = ((1L << 54) - 1) / five;
      for (int i = 0; i < 2_000 && low <= high; i++) {
        long t = low + (high > low ? random.nextLong(high - low + 1) : 0);
        if (t % 2 == 0) {
          t = t + 1 <= high ? t + 1 : t - 1;
        }
        if (t >= low && t % 2 == 1) {
          check(t, e);
        }
      }
    }
    // (2m + 1) * 5^n / 10^n = (2m + 1) * 2^-n: halfway again, by division.
    for (int n = 1; n <= 2; n++) {
      for (int i = 0; i < 5_000; i++) {
        long odd = ((1L << 53) + random.nextLong(1L << 53)) | 1;
        check(odd * (long) Math.pow(5, n), -n);
      }
    }
  }
}
