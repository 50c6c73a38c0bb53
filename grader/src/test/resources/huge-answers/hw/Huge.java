package hw;

import org.mlgrade.api.resnet.RunningStats;

/** Legal but huge answers: 3.4 million doubles, about 13.6 million characters of JSON each. */
final class Huge {

  private Huge() {}

  static double[] vector() {
    return new double[3_400_000];
  }

  static double[][] matrix() {
    return new double[][] {vector()};
  }

  static RunningStats stats() {
    return new RunningStats(new double[] {0}, new double[] {1});
  }
}
