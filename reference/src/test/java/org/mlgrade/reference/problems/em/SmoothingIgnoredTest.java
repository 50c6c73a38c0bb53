package org.mlgrade.reference.problems.em;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mlgrade.api.em.BernoulliMixtureEm;
import org.mlgrade.api.em.MStepInput;
import org.mlgrade.api.em.MStepOutput;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemRegistry;
import org.mlgrade.reference.Tolerance;

/**
 * The M-step without the rubric's smoothing, by hand: x = [1, 1, 0], one component (r = 1),
 * alpha = 1. Then N_1 = 3, S_1 = 2 and p = (2 + 1) / (3 + 2) = 0.6; without smoothing 2/3;
 * smoothing added once (2 + 1) / (3 + 1) = 0.75; dividing by N is dividing by N_1 here.
 */
class SmoothingIgnoredTest {

  private static final MStepInput INPUT = new MStepInput(new int[][] {{1}, {1}, {0}},
      new double[][] {{1}, {1}, {1}}, new double[][] {{0.5}}, 1);

  @Test
  void smoothingIgnoredGivesTwoThirdsAndIsNamedAlone() {
    @SuppressWarnings("unchecked")
    Problem<BernoulliMixtureEm, MStepInput, MStepOutput> problem =
        (Problem<BernoulliMixtureEm, MStepInput, MStepOutput>) ProblemRegistry.standard()
            .find("em.m-step").orElseThrow();
    assertThat(problem.expected(INPUT).p()[0][0]).isCloseTo(0.6, within(1e-15));
    MStepOutput wrong = problem.knownMistakes().stream()
        .filter(m -> m.id().equals("smoothing-ignored")).findFirst().orElseThrow()
        .solver().mStep(INPUT);
    assertThat(wrong.p()[0][0]).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(problem.diagnose(INPUT, problem.expected(INPUT), wrong, Tolerance.DEFAULT)
        .matchIds()).containsExactly("smoothing-ignored");
  }
}
