package org.mlgrade.grader.handout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.check.VisibleTests;
import org.mlgrade.grader.check.VisibleTests.QuestionData;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.reference.ProblemRegistry;

class VisibleTestsBuilderTest {

  private static GradingPlan plan() throws Exception {
    Path file = Path.of(VisibleTestsBuilderTest.class.getResource(
        "/gradescope/small-rubric.yaml").toURI());
    return GradingPlan.of(new RubricLoader(ProblemRegistry.standard()).load(file));
  }

  @Test
  void onlyVisibleTestsTravelTheOthersAsCountAndPoints() throws Exception {
    VisibleTests tests = VisibleTestsBuilder.of(plan(), name -> true);

    // small-rubric.yaml: q1 4 points over 4 visible + 2 after_due_date tests (per_test, even
    // split: 2/3 each, in millionths of a point as grading gives them, the leftover millionths
    // to the first tests so that they add up to exactly 4); q2 2 points over one
    // after_published and one hidden test.
    QuestionData q1 = tests.questions().get(0);
    assertThat(q1.tests()).extracting(VisibleTests.TestData::name)
        .containsExactly("q1 visible #1", "q1 visible #2", "q1 visible #3", "q1 visible #4");
    assertThat(q1.tests()).allSatisfy(t -> assertThat(t.maxScore()).isCloseTo(2.0 / 3,
        within(1e-6)));
    assertThat(q1.tests().stream().mapToDouble(VisibleTests.TestData::maxScore).sum()
        + q1.otherPoints()).isCloseTo(4.0, within(1e-12));
    assertThat(q1.otherTests()).isEqualTo(2);
    assertThat(q1.otherPoints()).isCloseTo(4.0 / 3, within(2e-6));
    QuestionData q2 = tests.questions().get(1);
    assertThat(q2.tests()).isEmpty();
    assertThat(q2.otherTests()).isEqualTo(2);
    assertThat(q2.otherPoints()).isEqualTo(2.0);
    assertThat(tests.otherTests()).isEqualTo(4);
    assertThat(q1.solverInterface()).isEqualTo("org.mlgrade.api.conv.ConvArithmetic");
    assertThat(q1.comparison()).isEqualTo(VisibleTests.STRUCTURAL);
    assertThat(q1.mistakeCredit()).containsEntry("ceil-output", 0.5);
  }

  @Test
  void knownMistakesAnswerOnlyWhereTheyDifferFromTheExpectedAnswer() throws Exception {
    VisibleTests tests = VisibleTestsBuilder.of(plan(), name -> true);

    for (VisibleTests.TestData test : tests.questions().get(0).tests()) {
      for (VisibleTests.MistakeData mistake : test.mistakes()) {
        assertThat(mistake.answer()).as(test.name() + " " + mistake.id())
            .isNotEqualTo(test.expected());
      }
    }
    assertThat(tests.questions().get(0).tests()).flatExtracting(VisibleTests.TestData::mistakes)
        .extracting(VisibleTests.MistakeData::id).contains("ceil-output");
  }

  @Test
  void writtenFileReadsBackEqual(@TempDir Path dir) throws Exception {
    VisibleTests tests = VisibleTestsBuilder.of(plan(), name -> true);
    Path file = dir.resolve(VisibleTests.FILE_NAME);

    tests.write(file);

    assertThat(VisibleTests.read(file)).isEqualTo(tests);
    assertThat(Files.readString(file)).doesNotContain("hidden #");
  }

  @Test
  void aComparisonTheCheckCannotRunIsReferenceOnly() throws Exception {
    GradingPlan plan = GradingPlan.of(new RubricLoader(ProblemRegistry.standard()).read(
        Path.of("find.yaml"), """
            assignment: find
            questions:
              - id: q1
                points: 1
                problem: conv.find-layer
                tests: [{generate: {count: 1, seed: 1}}]
              - id: q2
                points: 1
                problem: kernel.psd-check
                tests: [{generate: {count: 1, seed: 1}}]
            """));

    List<String> none = VisibleTestsBuilder.of(plan, name -> false).questions().stream()
        .map(QuestionData::comparison).toList();
    List<String> all = VisibleTestsBuilder.of(plan, name -> true).questions().stream()
        .map(QuestionData::comparison).toList();

    assertThat(none).containsOnly(VisibleTests.REFERENCE_ONLY);
    assertThat(all).containsExactly("problems.conv.AnyValidConv",
        "problems.kernel.PsdComparison");
  }
}
