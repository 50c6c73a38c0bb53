package org.mlgrade.grader.report;

import java.util.Arrays;
import java.util.List;

/**
 * Mean and median of a list of scores, and how they fall into the bins of a histogram.
 *
 * <p>Rubrics give whole or half points, so when every score is a multiple of 1 (or of 0.5) and
 * the maximum is small, each possible score gets its own bar, centred on it: full marks are not
 * lumped in with the score below. Otherwise ten equal-width bins {@code [i, i+1) * max / 10}
 * cover 0 to the maximum, the last one holding the maximum itself.
 *
 * @param count how many scores
 * @param mean their mean (NaN when there are none)
 * @param median their median, the mean of the two middle ones for an even count (NaN when none)
 * @param max the highest score possible
 * @param bins how many scores fall in each bin (scores outside 0..max count in the nearest one)
 * @param width the width of a bin in points
 * @param centred true when bin {@code i} is the score {@code i * width}, false when it is the
 *     interval from {@code i * width} to {@code (i + 1) * width}
 */
record ScoreStats(int count, double mean, double median, double max, int[] bins, double width,
    boolean centred) {

  private static final int EQUAL_BINS = 10;
  private static final double EPSILON = 1e-9;

  /** The statistics of {@code scores} out of {@code max}. */
  static ScoreStats of(List<Double> scores, double max) {
    double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    double mean = n == 0 ? Double.NaN : Arrays.stream(sorted).sum() / n;
    double median = n == 0 ? Double.NaN
        : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    for (double step : new double[] {1, 0.5}) {
      double values = max / step;
      if (max > 0 && values <= 20 && multiple(max, step)
          && Arrays.stream(sorted).allMatch(s -> multiple(s, step))) {
        int[] bins = new int[(int) Math.round(values) + 1];
        for (double score : sorted) {
          bins[clamp((int) Math.round(score / step), bins.length)]++;
        }
        return new ScoreStats(n, mean, median, max, bins, step, true);
      }
    }
    int[] bins = new int[EQUAL_BINS];
    for (double score : sorted) {
      int bin = max <= 0 ? EQUAL_BINS - 1 : (int) Math.floor(score / max * EQUAL_BINS);
      bins[clamp(bin, EQUAL_BINS)]++;
    }
    return new ScoreStats(n, mean, median, max, bins, max / EQUAL_BINS, false);
  }

  /** The largest bin count. */
  int tallest() {
    return Arrays.stream(bins).max().orElse(0);
  }

  private static boolean multiple(double value, double step) {
    double ratio = value / step;
    return Math.abs(ratio - Math.rint(ratio)) < EPSILON;
  }

  private static int clamp(int bin, int bins) {
    return Math.max(0, Math.min(bins - 1, bin));
  }
}
