package org.mlgrade.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mlgrade.harness.Wire;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks that every registered problem keeps the contract the grader relies on. The expected
 * numbers of each problem are checked against independent sources in that problem's own tests;
 * this suite checks the plumbing: seeded inputs repeat, the reference is deterministic, inputs and
 * outputs survive the JSON wire format, and every known mistake can be told apart from the
 * reference and is recognised by {@link Problem#diagnose}.
 */
class ProblemContractTest {

  private static final int GENERATED = 24;
  private static final long SEED = 20261122L;

  @Test
  void standardRegistryIsNotEmptyAndTypesAreStudentFacing() {
    ProblemRegistry registry = ProblemRegistry.standard();
    assertThat(registry.all()).isNotEmpty();
    for (Problem<?, ?, ?> problem : registry.all()) {
      assertThat(problem.inputType().getName()).startsWith("org.mlgrade.api.");
      assertThat(problem.outputType().getName()).startsWith("org.mlgrade.api.");
      assertThat(problem.inputType().isRecord()).as(problem.id() + " input is a record").isTrue();
      assertThat(problem.outputType().isRecord()).as(problem.id() + " output is a record")
          .isTrue();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyProblemKeepsTheContract() {
    return ProblemRegistry.standard().all().stream()
        .map(problem -> DynamicTest.dynamicTest(problem.id(), () -> check(problem)));
  }

  private static <S, I, O> void check(Problem<S, I, O> problem) throws Exception {
    List<I> inputs = new ArrayList<>();
    for (int i = 0; i < GENERATED; i++) {
      I input = problem.generator().generate(InputGenerator.randomFor(SEED, i), i);
      I again = problem.generator().generate(InputGenerator.randomFor(SEED, i), i);
      assertThat(StructuralComparison.compare(input, again, Tolerance.EXACT))
          .as("%s: generated input %d repeats for the same seed", problem.id(), i).isEmpty();
      inputs.add(input);
    }
    for (I input : inputs) {
      O expected = problem.expected(input);
      assertThat(problem.compare(input, expected, problem.expected(input), Tolerance.EXACT))
          .as("%s: reference is deterministic", problem.id()).isEmpty();
      I inputBack = Wire.MAPPER.readValue(Wire.MAPPER.writeValueAsString(input), problem.inputType());
      assertThat(StructuralComparison.compare(input, inputBack, Tolerance.EXACT))
          .as("%s: input survives JSON", problem.id()).isEmpty();
      O outputBack = Wire.MAPPER.readValue(Wire.MAPPER.writeValueAsString(expected), problem.outputType());
      assertThat(problem.compare(input, expected, outputBack, Tolerance.EXACT))
          .as("%s: output survives JSON", problem.id()).isEmpty();
    }
    for (KnownMistake<S> mistake : problem.knownMistakes()) {
      boolean seen = false;
      for (I input : inputs) {
        O expected = problem.expected(input);
        O wrong;
        try {
          wrong = problem.call().apply(mistake.solver(), input);
        } catch (RuntimeException e) {
          continue;
        }
        if (!problem.compare(input, expected, wrong, Tolerance.DEFAULT).isEmpty()) {
          seen = true;
          assertThat(problem.diagnose(input, expected, wrong, Tolerance.DEFAULT))
              .as("%s: diagnosis of %s", problem.id(), mistake.id()).isPresent();
        }
      }
      assertThat(seen)
          .as("%s: known mistake %s differs from the reference on some generated input",
              problem.id(), mistake.id())
          .isTrue();
    }
  }
}
