package org.mlgrade.reference.problems.em;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.mlgrade.reference.GoldenVectors;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.MistakeDiagnosis;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.StructuralComparison;
import org.mlgrade.reference.Tolerance;

/**
 * Checks the reference, and the known mistakes that NumPy reproduces, against the golden vectors
 * of {@code reference/scripts/em_golden.py} (vectorised NumPy, np.where and log1p, its own
 * log-sum-exp): the handout example, K = 1, exact 0 and 1 in p, empty components, smoothing,
 * D = 784 cases where every product of probabilities underflows, and a fit that stops on the
 * tolerance.
 */
class BernoulliMixtureGoldenTest {

  /**
   * Two independent double-precision implementations: differences are rounding, amplified at
   * most a few hundred times by 784-term sums and by a few EM iterations.
   */
  private static final Tolerance GOLDEN = new Tolerance(1e-12, 1e-9);

  private static final Map<String, String> METHODS = Map.of(
      "eStep", "em.e-step", "logLikelihood", "em.log-likelihood", "mStep", "em.m-step",
      "fit", "em.fit");

  private static JsonNode golden() {
    return GoldenVectors.read("/golden/em/bernoulli_mixture.json");
  }

  @TestFactory
  Stream<DynamicTest> referenceMatchesNumpy() throws IOException {
    JsonNode golden = golden();
    List<DynamicTest> tests = new ArrayList<>();
    for (Problem<?, ?, ?> problem : EmProblems.all()) {
      String method = problem.method();
      assertThat(METHODS).containsEntry(method, problem.id());
      for (JsonNode c : golden.get(method)) {
        tests.add(DynamicTest.dynamicTest(problem.id() + ": " + c.get("name").asText(),
            () -> checkReference(problem, c)));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(20);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> knownMistakesMatchNumpyMistakes() throws IOException {
    JsonNode golden = golden();
    List<DynamicTest> tests = new ArrayList<>();
    for (Problem<?, ?, ?> problem : EmProblems.all()) {
      for (JsonNode c : golden.get(problem.method())) {
        c.get("mistakes").properties().forEach(entry -> tests.add(DynamicTest.dynamicTest(
            problem.id() + ": " + entry.getKey() + " on " + c.get("name").asText(),
            () -> checkMistake(problem, c, entry.getKey(), entry.getValue()))));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(6);
    return tests.stream();
  }

  private static <S, I, O> void checkReference(Problem<S, I, O> problem, JsonNode c)
      throws IOException {
    I input = Wire.MAPPER.treeToValue(c.get("input"), problem.inputType());
    O expected = Wire.MAPPER.treeToValue(c.get("expected"), problem.outputType());
    assertThat(StructuralComparison.compare(expected, problem.expected(input), GOLDEN)).isEmpty();
  }

  private static <S, I, O> void checkMistake(Problem<S, I, O> problem, JsonNode c, String id,
      JsonNode wrongJson) throws IOException {
    I input = Wire.MAPPER.treeToValue(c.get("input"), problem.inputType());
    O expected = Wire.MAPPER.treeToValue(c.get("expected"), problem.outputType());
    O documentedWrong = Wire.MAPPER.treeToValue(wrongJson, problem.outputType());
    KnownMistake<S> mistake = problem.knownMistakes().stream()
        .filter(m -> m.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError(problem.id() + " has no known mistake " + id));
    O wrong = problem.call().apply(mistake.solver(), input);
    // NaN where NumPy has NaN counts as reproduced here (the grader never equates two NaNs)
    assertThat(StructuralComparison.compare(documentedWrong, wrong, GOLDEN))
        .as("%s reproduces NumPy's %s", mistake, id)
        .allMatch(m -> m.expected().equals("NaN") && m.actual().equals("NaN"));
    assertThat(StructuralComparison.compare(expected, wrong, Tolerance.DEFAULT))
        .as("%s is told apart from the right answer", id).isNotEmpty();
    MistakeDiagnosis<S> diagnosis =
        problem.diagnose(input, expected, documentedWrong, Tolerance.DEFAULT);
    if (StructuralComparison.containsNaN(documentedWrong)) {
      // NaN never identifies a mistake: it is listed among the likely causes instead
      assertThat(diagnosis.nonFiniteCauses()).as("NaN causes of NumPy's %s", id)
          .contains(mistake);
    } else {
      assertThat(diagnosis.matchIds()).as("diagnosis of NumPy's %s", id).contains(id);
    }
  }

}
