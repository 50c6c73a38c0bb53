package org.mlgrade.grader.report;

import java.math.BigDecimal;

/** Number formatting shared by the text reporters. */
final class Tables {

  private Tables() {}

  /** Points without trailing zeros: 2, 2.5, 0.333333. */
  static String points(double points) {
    return BigDecimal.valueOf(points).stripTrailingZeros().toPlainString();
  }
}
