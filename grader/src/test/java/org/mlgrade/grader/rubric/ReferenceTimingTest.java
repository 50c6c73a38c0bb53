package org.mlgrade.grader.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The reference's run time against the rubric's limits, measured with an injected clock so that the
 * outcome does not depend on the machine: the fake clock moves by a fixed step at each reading, so
 * each test "takes" exactly one step. Positions are counted by hand in the text.
 */
class ReferenceTimingTest {

  private static final String TEXT =
      """
      assignment: A
      limits: {per_test_seconds: 1, total_seconds: 3}
      questions:
        - id: q1
          points: 3
          problem: fake.pool-shape
          tests:
            - {name: a, input: {height: 4, width: 4, window: {size: 1, stride: 1}}}
            - {name: b, input: {height: 5, width: 4, window: {size: 1, stride: 1}}}
            - {name: c, input: {height: 6, width: 4, window: {size: 1, stride: 1}}}
      """;

  private static Rubric rubric() throws RubricException {
    return new RubricLoader(FakeProblems.REGISTRY).read(Path.of("r.yaml"), TEXT);
  }

  /** A clock that advances {@code stepMillis} at every reading. */
  private static LongSupplier clock(long stepMillis) {
    long[] now = {0};
    return () -> now[0] += stepMillis * 1_000_000;
  }

  @Test
  void aReferenceOverHalfOfTheLimitsIsWarnedAboutAtTheTestAndAtTheTotal() throws RubricException {
    // Each test takes 0.6 s > 1 s / 2; the three take 1.8 s > 3 s / 2.
    assertThat(ReferenceTiming.warnings(rubric(), clock(600)))
        .extracting(RubricError::toString)
        .containsExactly(
            "r.yaml:8:16: warning: the reference alone takes 0.6 s on test 'a' of question 'q1'"
                + " (and over half the limit on 2 more of its tests), more than half of"
                + " per_test_seconds (1 s): a correct submission twice as slow as the reference"
                + " would time out; raise per_test_seconds or use a smaller input",
            "r.yaml:2:46: warning: the reference alone takes 1.8 s over all the tests, more than"
                + " half of total_seconds (3 s): a correct submission twice as slow as the"
                + " reference would run out of time; raise total_seconds or use fewer or smaller"
                + " tests");
  }

  @Test
  void exactlyHalfOfTheLimitsIsNoWarning() throws RubricException {
    // 0.5 s per test is half of 1 s; 1.5 s in all is half of 3 s: within the bar.
    assertThat(ReferenceTiming.warnings(rubric(), clock(500))).isEmpty();
  }

  @Test
  void onlyTheTotalCanBeTooSlow() throws RubricException {
    String text = TEXT.replace("total_seconds: 3", "total_seconds: 1");
    Rubric rubric = new RubricLoader(FakeProblems.REGISTRY).read(Path.of("r.yaml"), text);

    // 0.4 s per test is within half of 1 s, but 1.2 s in all is more than half of 1 s.
    assertThat(ReferenceTiming.warnings(rubric, clock(400)))
        .singleElement()
        .asString()
        .startsWith("r.yaml:2:46: warning: the reference alone takes 1.2 s over all the tests");
  }
}
