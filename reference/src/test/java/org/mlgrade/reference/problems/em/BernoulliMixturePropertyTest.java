package org.mlgrade.reference.problems.em;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mlgrade.api.em.BernoulliMixtureEm;
import org.mlgrade.api.em.EStepInput;
import org.mlgrade.api.em.FitInput;
import org.mlgrade.api.em.FitOutput;
import org.mlgrade.reference.InputGenerator;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.Tolerance;

/** Invariants of EM over many random inputs, and robustness of the grading to rounding. */
class BernoulliMixturePropertyTest {

  private static final long SEED = 7_031_2026L;
  private final BernoulliMixtureEm reference = new BernoulliMixtureReference();

  @Test
  void responsibilitiesAreProbabilitiesSummingToOnePerRow() {
    InputGenerator<EStepInput> generator = BernoulliMixtureInputs.eStep();
    for (int i = 0; i < 300; i++) {
      double[][] r = reference.eStep(generator.generate(InputGenerator.randomFor(SEED, i), i))
          .responsibilities();
      for (double[] row : r) {
        double sum = 0;
        for (double v : row) {
          assertThat(v).as("input %d", i).isBetween(0.0, 1.0);
          sum += v;
        }
        assertThat(sum).as("row sum of input %d", i).isCloseTo(1.0, within(1e-12));
      }
    }
  }

  @Test
  void singleComponentGivesResponsibilityOneEverywhere() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < 50; i++) {
      int n = 1 + random.nextInt(10);
      int d = i % 10 == 0 ? BernoulliMixtureInputs.MNIST : 1 + random.nextInt(20);
      double[][] r = reference.eStep(new EStepInput(BernoulliMixtureInputs.data(random, n, d),
          new double[] {1}, BernoulliMixtureInputs.confident(random, 1, d))).responsibilities();
      for (double[] row : r) {
        assertThat(row).containsExactly(1.0);
      }
    }
  }

  @Test
  void logLikelihoodNeverDecreasesOverEmIterations() {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    for (int i = 0; i < 120; i++) {
      int k = 1 + random.nextInt(4);
      boolean mnist = i % 10 == 9;
      int n = 2 + random.nextInt(mnist ? 6 : 15);
      int d = mnist ? BernoulliMixtureInputs.MNIST : 1 + random.nextInt(15);
      double[][] p = random.nextBoolean() ? BernoulliMixtureInputs.confident(random, k, d)
          : BernoulliMixtureInputs.means(random, k, d);
      FitOutput out = reference.fit(new FitInput(BernoulliMixtureInputs.data(random, n, d),
          BernoulliMixtureInputs.weights(random, k), p, 25, 0, 0));
      double[] trace = out.logLikelihoods();
      assertThat(trace).hasSize(26).doesNotContain(Double.NaN);
      for (int t = 1; t < trace.length; t++) {
        assertThat(trace[t]).as("fit %d, iteration %d", i, t)
            .isGreaterThanOrEqualTo(trace[t - 1] - 1e-9 * (1 + Math.abs(trace[t - 1])));
      }
    }
  }

  @Test
  void toleranceCasesStopBeforeTheirLastIteration() {
    // withTolerance must give real early stops (else ignores-tolerance could not be graded).
    InputGenerator<FitInput> generator = BernoulliMixtureInputs.fit();
    int early = 0;
    for (int i = 0; i < 60; i++) {
      FitInput input = generator.generate(InputGenerator.randomFor(SEED, i), i);
      if (input.tolerance() > 0
          && reference.fit(input).iterations() < input.maxIterations()) {
        early++;
      }
    }
    assertThat(early).isGreaterThanOrEqualTo(5);
  }

  /**
   * A correct solution written differently must pass every generated test at the default
   * tolerance: rounding differences, D = 784 and the stopping rule must not fail a correct answer.
   */
  @TestFactory
  Stream<DynamicTest> aDifferentCorrectSolutionPassesEveryGeneratedTest() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Problem<?, ?, ?> problem : EmProblems.all()) {
      tests.add(DynamicTest.dynamicTest(problem.id(), () -> passes(problem, 200)));
    }
    return tests.stream();
  }

  private static <S, I, O> void passes(Problem<S, I, O> problem, int count) {
    S student = problem.solverType().cast(new StudentStyleSolution());
    for (int i = 0; i < count; i++) {
      I input = problem.generator().generate(InputGenerator.randomFor(SEED + 2, i), i);
      O expected = problem.expected(input);
      O actual = problem.call().apply(student, input);
      assertThat(problem.compare(input, expected, actual, Tolerance.DEFAULT))
          .as("%s, generated input %d", problem.id(), i).isEmpty();
    }
  }
}
