package org.mlgrade.grader.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.mlgrade.grader.Grader;
import org.mlgrade.grader.check.SelfCheck.CheckResult;
import org.mlgrade.grader.check.SelfCheck.QuestionOutcome;
import org.mlgrade.grader.check.SelfCheck.TestOutcome;
import org.mlgrade.grader.handout.Handout;
import org.mlgrade.grader.handout.VisibleTestsBuilder;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.QuestionResult;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.ResultVisibility;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.grader.sandbox.SandboxOptions;
import org.mlgrade.reference.ProblemRegistry;

/**
 * The self-check scores every visible test of the default rubric exactly as {@code grade} does,
 * over every sample submission: same points, same outcome, same named mistake. The only exception
 * allowed is a test the self-check says it cannot decide (an answer other than the example to a
 * problem whose comparison needs the reference), which it must then not count.
 *
 * <p>The visible tests are those the handout would hold, with the comparisons the packaged check
 * jar can run ({@code target/mlgrade-check.jar}): it runs after package.
 */
@Tag("e2e")
class SelfCheckMatchesGradeTest {

  private static final Path SAMPLES = Path.of("..", "submissions-sample");
  private static final Path RUBRIC = Path.of("..", "rubrics", "ml-homework.json");

  private static Grader grader;
  private static VisibleTests tests;
  private static int undecided;

  @BeforeAll
  static void open() throws Exception {
    Path checkJar =
        Path.of(System.getProperty("mlgrade.jar", "target/mlgrade.jar"))
            .resolveSibling(Handout.CHECK_JAR);
    assumeTrue(Files.isRegularFile(checkJar), "needs the packaged " + checkJar);
    GradingPlan plan = GradingPlan.of(new RubricLoader(ProblemRegistry.standard()).load(RUBRIC));
    tests = VisibleTestsBuilder.of(plan, Handout.portableIn(checkJar));
    grader = Grader.open(plan.rubric(), SandboxOptions.defaults());
  }

  @AfterAll
  static void close() {
    if (grader != null) {
      grader.close();
    }
    System.out.println(
        "SelfCheckMatchesGradeTest: "
            + undecided
            + " visible test results the "
            + "self-check could not decide");
  }

  @TestFactory
  Stream<DynamicTest> everyVisibleTestScoresAsGradeScoresIt() throws IOException {
    List<Path> samples;
    try (Stream<Path> list = Files.list(SAMPLES)) {
      samples = list.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(samples).hasSizeGreaterThanOrEqualTo(15);
    return samples.stream()
        .map(
            sample ->
                DynamicTest.dynamicTest(sample.getFileName().toString(), () -> compare(sample)));
  }

  private static void compare(Path sample) {
    Result graded = grader.grade(sample);
    CheckResult checked = SelfCheck.run(tests, sample, SandboxOptions.defaults());

    assertThat(checked.questions()).hasSameSizeAs(graded.questions());
    for (int q = 0; q < graded.questions().size(); q++) {
      QuestionResult question = graded.questions().get(q);
      QuestionOutcome outcome = checked.questions().get(q);
      List<TestResult> visible =
          question.tests().stream()
              .filter(t -> t.visibility() == ResultVisibility.VISIBLE)
              .toList();
      assertThat(outcome.tests()).as(question.id()).hasSameSizeAs(visible);
      for (int t = 0; t < visible.size(); t++) {
        TestResult expected = visible.get(t);
        TestOutcome actual = outcome.tests().get(t);
        String where = sample.getFileName() + " " + question.id() + " " + expected.name();
        assertThat(actual.name()).as(where).isEqualTo(expected.name());
        assertThat(actual.maxScore()).as(where).isEqualTo(expected.maxScore());
        if (actual.outcome() == Outcome.NOT_DECIDED) {
          undecided++;
          assertThat(actual.score()).as(where).isZero();
          continue;
        }
        assertThat(actual.passed()).as(where).isEqualTo(expected.passed());
        // the feedback PDF words a self-checked test as grading words it
        assertThat(actual.outcome()).as(where).isEqualTo(expected.outcome());
        assertThat(actual.score()).as(where).isEqualTo(expected.score());
        assertThat(actual.mistake().map(VisibleTests.MistakeData::id))
            .as(where)
            .isEqualTo(expected.mistake().map(TestResult.MistakeNote::id));
      }
    }
  }
}
