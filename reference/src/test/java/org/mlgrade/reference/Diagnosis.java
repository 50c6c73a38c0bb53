package org.mlgrade.reference;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: which known mistake the grader would name for a wrong answer. */
public final class Diagnosis {

  private Diagnosis() {}

  /**
   * The id of the known mistake {@code problem} names for {@code actual} on {@code input}, after
   * checking that {@code actual} is indeed wrong there; fails when no mistake is named.
   */
  public static <S, I, O> String mistakeId(Problem<S, I, O> problem, Object input,
      Object actual) {
    I in = problem.castInput(input);
    O expected = problem.expected(in);
    O out = problem.castOutput(actual);
    assertThat(problem.compare(in, expected, out, Tolerance.EXACT)).isNotEmpty();
    return problem.diagnose(in, expected, out, Tolerance.EXACT).named().orElseThrow().id();
  }
}
