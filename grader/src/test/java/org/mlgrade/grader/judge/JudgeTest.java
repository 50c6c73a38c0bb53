package org.mlgrade.grader.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.mlgrade.api.fakejudge.Doubler;
import org.mlgrade.grader.report.Findings;
import org.mlgrade.grader.rubric.Limits;
import org.mlgrade.grader.rubric.MistakeCredit;
import org.mlgrade.grader.rubric.Question;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.Scoring;
import org.mlgrade.grader.rubric.TestCase;
import org.mlgrade.grader.rubric.Visibility;
import org.mlgrade.grader.sandbox.CallResult;
import org.mlgrade.grader.sandbox.CallStatus;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.SandboxRun;
import org.mlgrade.grader.submission.CompiledSubmission;
import org.junit.jupiter.api.Test;
import org.mlgrade.reference.Tolerance;

class JudgeTest {

  private static final CompiledSubmission COMPILED = new CompiledSubmission(Path.of("classes"),
      List.of("Solution.java"), List.of(), List.of(), List.of(), List.of());

  private static CallResult returned(String key, String json) {
    return new CallResult(key, CallStatus.RETURNED, json, "", 1_000_000, "", "");
  }

  private static CallResult failed(String key, CallStatus status, String message) {
    return new CallResult(key, status, null, message, 5_000_000_000L, "", "");
  }

  private static Result judge(Rubric rubric, List<CallResult> results) {
    GradingPlan plan = GradingPlan.of(rubric);
    return Judge.judge(plan, "alice", COMPILED,
        new SandboxRun(results, IsolationLevel.BUBBLEWRAP, 0), Duration.ofMillis(1500));
  }

  @Test
  void planHoldsInputsForTheSandboxAndExpectedAnswersForTheJudge() {
    GradingPlan plan = GradingPlan.of(FakeProblems.rubric(Scoring.PER_TEST, 4, 2, List.of()));
    assertThat(plan.calls()).extracting(c -> c.key(), c -> c.inputJson())
        .containsExactly(Tuple.tuple("0/0", "{\"x\":1.0}"),
            Tuple.tuple("0/1", "{\"x\":2.0}"));
    assertThat(plan.calls()).allSatisfy(call -> {
      assertThat(call.solverInterface()).isEqualTo(Doubler.class.getName());
      assertThat(call.method()).isEqualTo("twice");
      assertThat(call.inputJson()).doesNotContain("y");
    });
    assertThat(plan.tests()).extracting(GradingPlan.PlannedTest::expected)
        .containsExactly(new Doubler.Answer(2), new Doubler.Answer(4));
  }

  @Test
  void perTestScoringAddsThePointsOfPassedTests() {
    Result result = judge(FakeProblems.rubric(Scoring.PER_TEST, 6, 3, List.of()), List.of(
        returned("0/0", "{\"y\":2.0}"), returned("0/1", "{\"y\":4.0000000001}"),
        returned("0/2", "{\"y\":7.0}")));
    assertThat(result.score()).isEqualTo(4.0);
    assertThat(result.maxScore()).isEqualTo(6.0);
    List<TestResult> tests = result.questions().get(0).tests();
    assertThat(tests).extracting(TestResult::outcome)
        .containsExactly(Outcome.PASSED, Outcome.PASSED, Outcome.WRONG_ANSWER);
    assertThat(tests.get(2).message()).contains("y: expected 6.0, got 7.0");
  }

  @Test
  void proportionalScoringScalesTheQuestionPoints() {
    Result result = judge(FakeProblems.rubric(Scoring.PROPORTIONAL, 10, 4, List.of()), List.of(
        returned("0/0", "{\"y\":2.0}"), returned("0/1", "{\"y\":0.0}"),
        returned("0/2", "{\"y\":6.0}"), returned("0/3", "{\"y\":0.0}")));
    assertThat(result.score()).isEqualTo(5.0);
    assertThat(result.questions().get(0).tests()).extracting(TestResult::maxScore)
        .containsOnly(2.5);
  }

  @Test
  void questionScoresAddUnroundedTestScores() {
    // 4 points over 12 tests: each test is worth 1/3; all passed must still give exactly 4, not
    // 12 * 0.333333 = 3.999996, and the maxima must add up to 4 too (issue 9): 4 000 000
    // millionths over 12 tests is 333 333 each and 4 left over, so four tests get 0.333334.
    List<CallResult> results = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      results.add(returned("0/" + i, "{\"y\":" + 2.0 * (i + 1) + "}"));
    }
    Result result = judge(FakeProblems.rubric(Scoring.PROPORTIONAL, 4, 12, List.of()), results);
    List<TestResult> tests = result.questions().get(0).tests();
    assertThat(tests).extracting(TestResult::score).containsOnly(0.333333, 0.333334);
    assertThat(tests).filteredOn(t -> t.maxScore() == 0.333334).hasSize(4);
    assertThat(tests.stream().mapToLong(t -> Math.round(t.maxScore() * 1e6)).sum())
        .isEqualTo(4_000_000);
    assertThat(result.score()).isEqualTo(4.0);
  }

  @Test
  void allOrNothingGivesNothingWhenOneTestFails() {
    Rubric rubric = FakeProblems.rubric(Scoring.ALL_OR_NOTHING, 3, 3, List.of());
    Result allRight = judge(rubric, List.of(returned("0/0", "{\"y\":2.0}"),
        returned("0/1", "{\"y\":4.0}"), returned("0/2", "{\"y\":6.0}")));
    Result oneWrong = judge(rubric, List.of(returned("0/0", "{\"y\":2.0}"),
        returned("0/1", "{\"y\":4.0}"), returned("0/2", "{\"y\":5.0}")));
    assertThat(allRight.score()).isEqualTo(3.0);
    assertThat(oneWrong.score()).isZero();
    assertThat(Findings.describe(oneWrong.questions().get(0).tests().get(0)))
        .contains("all-or-nothing");
  }

  @Test
  void aKnownMistakeIsNamedAndEarnsItsRubricCredit() {
    Rubric rubric = FakeProblems.rubric(Scoring.PER_TEST, 4, 2,
        List.of(new MistakeCredit("plus-two", 0.5)));
    // x = 2: the mistake gives 4 = 2x, indistinguishable, so the x = 1 test (3 instead of 2) and
    // the x = 2 test (4 = correct) show the rule that a mistake is only named where it differs.
    Result result = judge(rubric, List.of(returned("0/0", "{\"y\":3.0}"),
        returned("0/1", "{\"y\":5.0}")));
    List<TestResult> tests = result.questions().get(0).tests();
    assertThat(tests.get(0).mistake()).hasValueSatisfying(m -> {
      assertThat(m.id()).isEqualTo("plus-two");
      assertThat(m.credit()).isEqualTo(0.5);
    });
    assertThat(tests.get(0).score()).isEqualTo(1.0);
    assertThat(Findings.describe(tests.get(0))).contains("known mistake (plus-two)")
        .contains("You added 2 instead of doubling.");
    assertThat(tests.get(1).mistake()).isEmpty();
    assertThat(tests.get(1).score()).isZero();
    assertThat(result.score()).isEqualTo(1.0);
  }

  @Test
  void everyRubricTestGetsAResultEvenWhenTheSandboxReportedFewer() {
    Result result = judge(FakeProblems.rubric(Scoring.PER_TEST, 3, 3, List.of()), List.of(
        returned("0/0", "{\"y\":2.0}"),
        failed("0/1", CallStatus.TIMED_OUT, "no answer within 5 s")));
    List<TestResult> tests = result.questions().get(0).tests();
    assertThat(tests).hasSize(3).extracting(TestResult::outcome)
        .containsExactly(Outcome.PASSED, Outcome.TIMED_OUT, Outcome.NOT_RUN);
    assertThat(tests.get(1).message()).startsWith("timed out: no answer within 5 s");
    assertThat(tests).extracting(TestResult::maxScore).containsOnly(1.0);
    assertThat(result.score()).isEqualTo(1.0);
    assertThat(result.maxScore()).isEqualTo(3.0);
  }

  @Test
  void answersThatDoNotFitTheOutputRecordAreUnreadableNotCrashes() {
    Result result = judge(FakeProblems.rubric(Scoring.PER_TEST, 4, 4, List.of()), List.of(
        returned("0/0", "{\"y\":\"two\"}"), returned("0/1", "[1,2"),
        returned("0/2", "{\"y\":4.0,\"extra\":1}"), returned("0/3", "null")));
    List<TestResult> tests = result.questions().get(0).tests();
    assertThat(tests.subList(0, 3)).extracting(TestResult::outcome)
        .containsOnly(Outcome.UNREADABLE_ANSWER);
    assertThat(tests.get(3).outcome()).isEqualTo(Outcome.WRONG_ANSWER);
    assertThat(tests.get(3).message()).contains("got null");
    assertThat(result.score()).isZero();
  }

  @Test
  void resultsForeignToThePlanAndDuplicatesDoNotCount() {
    Result result = judge(FakeProblems.rubric(Scoring.PER_TEST, 2, 2, List.of()), List.of(
        returned("0/0", "{\"y\":3.0}"), returned("0/0", "{\"y\":2.0}"),
        returned("9/9", "{\"y\":2.0}")));
    assertThat(result.questions().get(0).tests()).extracting(TestResult::outcome)
        .containsExactly(Outcome.WRONG_ANSWER, Outcome.NOT_RUN);
    assertThat(result.score()).isZero();
  }

  @Test
  void failingTestsShowTheirInputAndPassingOnesDoNot() {
    Result result = judge(FakeProblems.rubric(Scoring.PER_TEST, 2, 2, List.of()), List.of(
        returned("0/0", "{\"y\":2.0}"), failed("0/1", CallStatus.THREW,
            "java.lang.ArithmeticException: / by zero")));
    List<TestResult> tests = result.questions().get(0).tests();
    assertThat(Findings.describe(tests.get(0))).isEqualTo("passed");
    assertThat(Findings.describe(tests.get(1))).contains("Input: {\"x\":2.0}")
        .contains("ArithmeticException");
  }

  @Test
  void aReferenceThatCannotAnswerIsARubricErrorNamingTheTest() {
    Question question = new Question("q1", "Doubling", 1, FakeProblems.DOUBLER,
        Tolerance.DEFAULT, Scoring.PER_TEST, List.of(),
        new ArrayList<>(List.of(new TestCase("bad", "not a Number", Visibility.VISIBLE, 1))));
    Rubric rubric = new Rubric(Path.of("r.json"), "A", Limits.DEFAULT,
        List.of(), true, List.of(question));
    assertThatThrownBy(() -> GradingPlan.of(rubric)).hasMessageContaining("test 'bad'")
        .hasMessageContaining("fake.doubler");
  }
}
