package org.mlgrade.grader.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlgrade.reference.ProblemRegistry;

/** The per_part fields of a question, and the warning about purely relative tolerances. */
class PerPartAndToleranceRubricTest {

  private final RubricLoader loader = new RubricLoader(ProblemRegistry.standard());

  private static String question(String extra) {
    return """
        assignment: HW
        questions:
          - id: q1
            points: 3
            problem: backprop.relu-net
        """ + extra.indent(4) + """
            tests: [{generate: {count: 3, seed: 1}}]
        """;
  }

  @Test
  void perPartScoringReadsPartWeightsAndCarriedForward() throws RubricException {
    Rubric rubric = loader.read(Path.of("r.yaml"), question("""
        scoring: per_part
        part_weights: {gradW1: 2, loss: 0}
        carried_forward: 0.75
        """));
    Question q = rubric.questions().get(0);
    assertThat(q.scoring()).isEqualTo(Scoring.PER_PART);
    assertThat(q.partWeights()).isEqualTo(Map.of("gradW1", 2.0, "loss", 0.0));
    assertThat(q.partWeight("gradW1")).isEqualTo(2);
    assertThat(q.partWeight("gradW2")).isEqualTo(1);
    assertThat(q.carriedForward()).isEqualTo(0.75);
    // points split evenly, as per_test
    assertThat(q.tests()).extracting(TestCase::points).containsOnly(1.0);
  }

  @Test
  void partFieldsAreRefusedOutsidePerPartAndOutOfRange() {
    RubricException e = catchThrowableOfType(RubricException.class, () -> loader.read(
        Path.of("r.yaml"), question("""
            scoring: proportional
            part_weights: {gradW1: 2}
            """)));
    assertThat(e.errors()).extracting(RubricError::message).containsExactly("'part_weights' of"
        + " question 'q1' is only allowed when the question's scoring is per_part, not"
        + " proportional");
    e = catchThrowableOfType(RubricException.class, () -> loader.read(Path.of("r.yaml"),
        question("""
            scoring: per_part
            carried_forward: 1.5
            part_weights: {gradW1: -1}
            """)));
    assertThat(e.errors()).extracting(RubricError::message).containsExactlyInAnyOrder(
        "'carried_forward' of question 'q1' must be a number in [0, 1], got 1.5",
        "'gradW1' of 'part_weights' of question 'q1' must be a finite number >= 0, got -1");
  }

  @Test
  void aPurelyRelativeToleranceOnAnswersNearZeroIsWarnedAbout() throws RubricException {
    // ReLU gradients are exactly 0 where a unit is off: rel * |0| = 0 leaves no room at all.
    Rubric warned = loader.read(Path.of("r.yaml"), question("tolerance: {abs: 0, rel: 1e-6}\n"));
    assertThat(warned.warnings()).singleElement().satisfies(w -> {
      assertThat(w.line()).isEqualTo(6);
      assertThat(w.message()).startsWith("warning: the tolerance of question 'q1' is purely"
          + " relative").contains("near zero");
    });
    // Only rel written: abs keeps its default, nothing to warn about.
    Rubric fine = loader.read(Path.of("r.yaml"), question("tolerance: {rel: 1e-6}\n"));
    assertThat(fine.warnings()).isEmpty();
    assertThat(fine.questions().get(0).tolerance().abs()).isEqualTo(1e-9);
  }
}
