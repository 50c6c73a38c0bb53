package org.mlgrade.grader.report;

import java.util.Arrays;
import java.util.List;

/**
 * Mean and median of a list of scores, and how they fall into equal-width bins from 0 to the
 * maximum (for a histogram).
 *
 * @param count how many scores
 * @param mean their mean (NaN when there are none)
 * @param median their median, the mean of the two middle ones for an even count (NaN when none)
 * @param max the highest score possible
 * @param bins how many scores fall in each of the equal-width bins {@code [i, i+1) * max / n};
 *     the last bin also holds {@code max} itself (and anything above it), the first anything
 *     below 0
 */
record ScoreStats(int count, double mean, double median, double max, int[] bins) {

  /**
   * How many bins a histogram of scores out of {@code max} gets: one per point when the maximum
   * is a whole number from 5 to 20, two per point below 5 (so that bin edges fall on the whole
   * and half points rubrics give), and ten otherwise.
   */
  static int binsFor(double max) {
    if (max == Math.rint(max) && max >= 1 && max <= 20) {
      return max < 5 ? (int) (2 * max) : (int) max;
    }
    return 10;
  }

  /** The statistics of {@code scores} out of {@code max}, with {@code binCount} bins. */
  static ScoreStats of(List<Double> scores, double max, int binCount) {
    double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    double mean = n == 0 ? Double.NaN : Arrays.stream(sorted).sum() / n;
    double median = n == 0 ? Double.NaN
        : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    int[] bins = new int[binCount];
    for (double score : sorted) {
      int bin = max <= 0 ? binCount - 1 : (int) Math.floor(score / max * binCount);
      bins[Math.max(0, Math.min(binCount - 1, bin))]++;
    }
    return new ScoreStats(n, mean, median, max, bins);
  }

  /** The lower edge of bin {@code i} (or the upper edge of the last one, for {@code i = n}). */
  double edge(int i) {
    return max * i / bins.length;
  }

  /** The largest bin count. */
  int tallest() {
    return Arrays.stream(bins).max().orElse(0);
  }
}
