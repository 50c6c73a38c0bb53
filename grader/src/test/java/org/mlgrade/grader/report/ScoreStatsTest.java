package org.mlgrade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreStatsTest {

  @Test
  void wholeScoresGetOneBarPerScore() {
    // 10 + 7 + 7 + 4 + 2 = 30, mean 6; sorted 2 4 7 7 10, median 7. Whole scores out of 10:
    // eleven bars for 0..10, so full marks (10) has a bar of its own.
    ScoreStats stats = ScoreStats.of(List.of(10.0, 7.0, 2.0, 7.0, 4.0), 10);
    assertThat(stats.count()).isEqualTo(5);
    assertThat(stats.mean()).isEqualTo(6.0);
    assertThat(stats.median()).isEqualTo(7.0);
    assertThat(stats.centred()).isTrue();
    assertThat(stats.width()).isEqualTo(1.0);
    assertThat(stats.bins()).containsExactly(0, 0, 1, 0, 1, 0, 0, 2, 0, 0, 1);
    assertThat(stats.tallest()).isEqualTo(2);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    // sorted 1 2 3 8: median (2 + 3) / 2 = 2.5, mean 14 / 4 = 3.5
    ScoreStats stats = ScoreStats.of(List.of(8.0, 1.0, 3.0, 2.0), 8);
    assertThat(stats.median()).isEqualTo(2.5);
    assertThat(stats.mean()).isEqualTo(3.5);
    assertThat(stats.bins()).containsExactly(0, 1, 1, 1, 0, 0, 0, 0, 1);
  }

  @Test
  void halfPointsGetOneBarPerHalfPoint() {
    // out of 4 in halves: nine bars 0, 0.5, ..., 4; 0.5 is bar 1, 3.5 bar 7, 4 bar 8
    ScoreStats stats = ScoreStats.of(List.of(0.5, 4.0, 3.5), 4);
    assertThat(stats.centred()).isTrue();
    assertThat(stats.width()).isEqualTo(0.5);
    assertThat(stats.bins()).containsExactly(0, 1, 0, 0, 0, 0, 0, 1, 1);
  }

  @Test
  void otherScoresFallIntoTenEqualBins() {
    // 0.3 is in [0, 1), 2.5 in [2, 3), 9.99 in [9, 10] and 10 (the maximum) in the last bin too
    ScoreStats stats = ScoreStats.of(List.of(0.3, 2.5, 9.99, 10.0), 10);
    assertThat(stats.centred()).isFalse();
    assertThat(stats.width()).isEqualTo(1.0);
    assertThat(stats.bins()).containsExactly(1, 0, 1, 0, 0, 0, 0, 0, 0, 2);
    // out of 100 whole points: too many scores for a bar each, so ten bins of 10
    assertThat(ScoreStats.of(List.of(55.0), 100).bins()).hasSize(10);
  }

  @Test
  void noScoresHaveNoMeanAndEmptyBins() {
    ScoreStats stats = ScoreStats.of(List.of(), 10);
    assertThat(stats.mean()).isNaN();
    assertThat(stats.median()).isNaN();
    assertThat(stats.tallest()).isZero();
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
