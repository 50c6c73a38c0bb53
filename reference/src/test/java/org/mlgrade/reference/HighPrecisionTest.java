package org.mlgrade.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The evaluator against constants known to many digits (OEIS / Abramowitz and Stegun). */
class HighPrecisionTest {

  @Test
  void agreesWithPublishedConstants() {
    // e = 2.71828182845904523536028747135266249775724709369995 (OEIS A001113)
    assertThat(HighPrecision.exp(BigDecimal.ONE).toString())
        .startsWith("2.718281828459045235360287471352662497757247093699");
    // ln 2 = 0.69314718055994530941723212145817656807550013436025 (OEIS A002162)
    assertThat(HighPrecision.log(BigDecimal.valueOf(2)).toString())
        .startsWith("0.6931471805599453094172321214581765680755001343602");
    // ln 10 = 2.30258509299404568401799145468436420760110148862877 (OEIS A002392)
    assertThat(HighPrecision.log(BigDecimal.TEN).toString())
        .startsWith("2.302585092994045684017991454684364207601101488628");
    // tanh 1 = 0.76159415595576488811945828260479359041276859725793 (OEIS A073744)
    assertThat(HighPrecision.tanh(BigDecimal.ONE).toString())
        .startsWith("0.761594155955764888119458282604793590412768597257");
    // log(1 + e^-30), the example; Python's decimal module at 120 digits:
    // (Decimal(-30).exp() + 1).ln() = 9.357622968839736779377697424675157721618086919819316249239
    // 5...E-14
    assertThat(HighPrecision.softplus(BigDecimal.valueOf(-30)).toString())
        .startsWith("9.3576229688397367793776974246751577216180869198193162492");
  }
}
