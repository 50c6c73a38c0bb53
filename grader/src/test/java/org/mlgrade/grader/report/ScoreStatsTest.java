package org.mlgrade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreStatsTest {

  @Test
  void meanMedianAndBinsOfAnOddCount() {
    // 10 + 7 + 7 + 4 + 2 = 30, mean 6; sorted 2 4 7 7 10, median 7. Bins of width 1 on [0, 10]:
    // 2 -> bin 2, 4 -> bin 4, 7 and 7 -> bin 7, 10 (the maximum) -> the last bin, 9.
    ScoreStats stats = ScoreStats.of(List.of(10.0, 7.0, 2.0, 7.0, 4.0), 10, 10);
    assertThat(stats.count()).isEqualTo(5);
    assertThat(stats.mean()).isEqualTo(6.0);
    assertThat(stats.median()).isEqualTo(7.0);
    assertThat(stats.bins()).containsExactly(0, 0, 1, 0, 1, 0, 0, 2, 0, 1);
    assertThat(stats.tallest()).isEqualTo(2);
    assertThat(stats.edge(3)).isEqualTo(3.0);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    // sorted 1 2 3 8: median (2 + 3) / 2 = 2.5, mean 14 / 4 = 3.5; bins of width 2 on [0, 8]
    ScoreStats stats = ScoreStats.of(List.of(8.0, 1.0, 3.0, 2.0), 8, 4);
    assertThat(stats.median()).isEqualTo(2.5);
    assertThat(stats.mean()).isEqualTo(3.5);
    assertThat(stats.bins()).containsExactly(1, 2, 0, 1);
  }

  @Test
  void noScoresHaveNoMeanAndEmptyBins() {
    ScoreStats stats = ScoreStats.of(List.of(), 10, 10);
    assertThat(stats.mean()).isNaN();
    assertThat(stats.median()).isNaN();
    assertThat(stats.tallest()).isZero();
  }

  @Test
  void binEdgesFallOnWholeOrHalfPointsForSmallWholeMaxima() {
    assertThat(ScoreStats.binsFor(4)).isEqualTo(8);
    assertThat(ScoreStats.binsFor(6)).isEqualTo(6);
    assertThat(ScoreStats.binsFor(20)).isEqualTo(20);
    assertThat(ScoreStats.binsFor(100)).isEqualTo(10);
    assertThat(ScoreStats.binsFor(2.5)).isEqualTo(10);
  }

  @Test
  void tickStepsAreOneTwoOrFiveTimesAPowerOfTen() {
    // at most five ticks above 0: 4 -> step 1 (0..4), 9 -> 2 (0..10), 23 -> 5, 960 -> 200
    assertThat(HistogramChart.step(4)).isEqualTo(1);
    assertThat(HistogramChart.step(9)).isEqualTo(2);
    assertThat(HistogramChart.step(23)).isEqualTo(5);
    assertThat(HistogramChart.step(960)).isEqualTo(200);
  }
}
