package org.mlgrade.grader.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.alexnet.Architecture;
import org.mlgrade.api.alexnet.CountTable;
import org.mlgrade.api.alexnet.LayerCounts;
import org.mlgrade.api.alexnet.LayerType;
import org.mlgrade.api.kernel.KernelOnPoints;
import org.mlgrade.api.kernel.PsdVerdict;
import org.mlgrade.grader.judge.GradingPlan.PlannedTest;
import org.mlgrade.grader.report.Findings;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.grader.sandbox.CallResult;
import org.mlgrade.grader.sandbox.CallStatus;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.SandboxRun;
import org.mlgrade.grader.submission.CompiledSubmission;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.PartStatus;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemRegistry;
import org.mlgrade.reference.problems.alexnet.AlexNetReference;
import org.mlgrade.reference.problems.kernel.KernelValidityReference;

/**
 * The default rubric ({@code rubrics/ml-homework.json}) judging the answers of students who make
 * the classic mistakes, without a sandbox: each test's call result is the JSON of the answer the
 * mistaken student's code would return. Expected part counts and credits are derived by hand from
 * the rubric (alexnet-table: per_part, carried_forward 0.5; backprop: carried_forward 1.0).
 */
class DefaultRubricDiagnosisTest {

  private static GradingPlan plan;

  @BeforeAll
  static void loadTheDefaultRubric() throws Exception {
    Rubric rubric = new RubricLoader(ProblemRegistry.standard())
        .load(Path.of("..", "rubrics", "ml-homework.json"));
    plan = GradingPlan.of(rubric);
  }

  /** Judges a submission whose answer to every test of {@code questionId} is {@code answer}. */
  private static QuestionResult judge(String questionId, Function<Object, Object> answer) {
    List<CallResult> results = new ArrayList<>();
    for (PlannedTest test : plan.tests()) {
      Object output = test.question().id().equals(questionId)
          ? answer.apply(test.test().input()) : test.expected();
      try {
        results.add(new CallResult(test.call().key(), CallStatus.RETURNED,
            Wire.MAPPER.writeValueAsString(output), "", 1000, "", ""));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    CompiledSubmission compiled = new CompiledSubmission(Path.of("classes"), List.of(),
        List.of(), List.of(), List.of(), List.of());
    Result result = Judge.judge(plan, "student", compiled,
        new SandboxRun(results, IsolationLevel.BUBBLEWRAP, 0), Duration.ZERO);
    return result.questions().stream().filter(q -> q.id().equals(questionId)).findFirst()
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static <S> S mistakeSolver(String problemId, String mistakeId) {
    Problem<S, ?, ?> problem = (Problem<S, ?, ?>) ProblemRegistry.standard().find(problemId)
        .orElseThrow();
    return problem.knownMistakes().stream().filter(m -> m.id().equals(mistakeId))
        .map(KnownMistake::solver).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static <S, I, O> Function<Object, Object> answersOf(String problemId,
      String mistakeId) {
    Problem<S, I, O> problem = (Problem<S, I, O>) ProblemRegistry.standard().find(problemId)
        .orElseThrow();
    S solver = mistakeSolver(problemId, mistakeId);
    return input -> problem.call().apply(solver, problem.castInput(input));
  }

  /** The index of the first fully connected layer: the "fc1" row. */
  private static int firstFc(Architecture architecture) {
    for (int i = 0; i < architecture.layers().size(); i++) {
      if (architecture.layers().get(i).type() == LayerType.FC) {
        return i;
      }
    }
    throw new AssertionError("no FC layer");
  }

  private static void losesTheFc1RowAndHalfTheTotals(QuestionResult question) {
    assertThat(question.tests()).isNotEmpty();
    double expectedScore = 0;
    for (int t = 0; t < question.tests().size(); t++) {
      TestResult test = question.tests().get(t);
      Architecture architecture = (Architecture) plan.tests().stream()
          .filter(p -> p.test().name().equals(test.name())).findFirst().orElseThrow()
          .test().input();
      int rows = architecture.layers().size();
      int fc1 = firstFc(architecture);
      assertThat(test.outcome()).isEqualTo(Outcome.WRONG_ANSWER);
      // rows + totals; only the first FC row is wrong, the totals follow from it
      assertThat(test.parts()).hasSize(rows + 1);
      for (int i = 0; i < rows; i++) {
        assertThat(test.parts().get(i).status()).as("%s row %d", test.name(), i)
            .isEqualTo(i == fc1 ? PartStatus.WRONG : PartStatus.RIGHT);
      }
      assertThat(test.parts().get(rows).name()).isEqualTo("totals");
      assertThat(test.parts().get(rows).status()).isEqualTo(PartStatus.CARRIED_FORWARD);
      assertThat(test.mistake()).map(TestResult.MistakeNote::id).hasValue("fc1-without-pool");
      // (rows - 1 right + 0.5 for the totals) of rows + 1 equally weighted parts
      double share = (rows - 1 + 0.5) / (rows + 1);
      assertThat(test.score()).isCloseTo(test.maxScore() * share,
          within(1e-6));
      expectedScore += test.maxScore() * share;
    }
    assertThat(question.score()).isCloseTo(expectedScore,
        within(1e-6)).isGreaterThan(0);
  }

  @Test
  void fc1WithoutPoolLosesTheFc1RowAndTheTotalsOnly() {
    // The sample submission's way: the last convolution's pooling is skipped, so conv5's pooled
    // shape (the student's working, not graded) and fc1's row are wrong.
    losesTheFc1RowAndHalfTheTotals(judge("alexnet-table",
        answersOf("alexnet.table", "fc1-without-pool")));
  }

  @Test
  void fc1WithoutPoolIsNamedWhenConv5IsReportedPooled() {
    // The other way of writing it: conv5's pooled shape is right, but fc1 flattens conv5's
    // unpooled output (13x13x256 in AlexNet).
    Function<Object, Object> right = answersOf("alexnet.table", "fc1-without-pool");
    QuestionResult question = judge("alexnet-table", input -> {
      Architecture architecture = (Architecture) input;
      CountTable wrong = (CountTable) right.apply(input);
      CountTable reference = new AlexNetReference()
          .table(architecture);
      int fc1 = firstFc(architecture);
      List<LayerCounts> rows = new ArrayList<>(reference.layers());
      rows.set(fc1, wrong.layers().get(fc1));
      long units = rows.stream().mapToLong(LayerCounts::units).sum();
      long weights = rows.stream().mapToLong(LayerCounts::weights).sum();
      long connections = rows.stream().mapToLong(LayerCounts::connections).sum();
      return new CountTable(rows, units, weights, connections);
    });
    losesTheFc1RowAndHalfTheTotals(question);
  }

  @Test
  void outputGradientWithoutTheHiddenActivationIsNamed() {
    QuestionResult question = judge("tanh-softmax",
        answersOf("backprop.tanh-softmax", "output-gradient-without-hidden"));
    List<TestResult> failed = question.tests().stream().filter(t -> !t.passed()).toList();
    assertThat(failed).isNotEmpty().allSatisfy(test -> {
      assertThat(test.mistake()).map(TestResult.MistakeNote::id)
          .hasValue("output-gradient-without-hidden");
      // only gradW2 is wrong: 6 of its 7 parts earn their credit
      assertThat(test.parts()).filteredOn(p -> p.status() != PartStatus.RIGHT)
          .extracting(TestResult.PartScore::name).containsExactly("gradW2");
      assertThat(test.score()).isCloseTo(test.maxScore() * 6 / 7,
          within(1e-6));
      assertThat(Findings.describe(test)).contains("output-gradient-without-hidden")
          .contains("gradW2: wrong");
    });
  }

  @Test
  void aDroppedTanhFactorIsNamedAndItsFirstLayerGradientCarriedForward() {
    QuestionResult question = judge("tanh-softmax",
        answersOf("backprop.tanh-softmax", "tanh-derivative-forgotten"));
    List<TestResult> failed = question.tests().stream().filter(t -> !t.passed()).toList();
    assertThat(failed).isNotEmpty().allSatisfy(test -> {
      assertThat(test.mistake()).map(TestResult.MistakeNote::id)
          .hasValue("tanh-derivative-forgotten");
      // dL/db1 is the mistake; dL/dw1 = x times the student's own dL/db1 is carried forward
      assertThat(test.parts()).filteredOn(p -> p.status() == PartStatus.WRONG)
          .extracting(TestResult.PartScore::name).containsExactly("gradB1");
      assertThat(test.parts()).filteredOn(p -> p.status() == PartStatus.CARRIED_FORWARD)
          .extracting(TestResult.PartScore::name).containsExactly("gradW1");
      assertThat(test.score()).isCloseTo(test.maxScore() * 6 / 7,
          within(1e-6));
    });
  }

  @Test
  void nanNamesNoMistakeButSaysNonFiniteWithItsLikelyCauses() {
    QuestionResult question = judge("em-e-step", answersOf("em.e-step", "product-underflow"));
    List<TestResult> failed = question.tests().stream().filter(t -> !t.passed()).toList();
    assertThat(failed).isNotEmpty().allSatisfy(test -> {
      assertThat(test.mistake()).isEmpty();
      assertThat(test.matchingMistakes()).isEmpty();
      assertThat(test.nonFinite()).hasValueSatisfying(nan -> assertThat(nan.likelyCauses())
          .extracting(TestResult.MistakeNote::id).contains("product-underflow"));
      assertThat(Findings.describe(test)).contains("NaN").contains("product-underflow")
          .doesNotContain("This looks like a known mistake");
    });
  }

  @Test
  void psdDecidedFromTheDiagonalIsNamedWhateverEigenvalueItReports() {
    // A student who decides PSD from the diagonal but reports the true minimum eigenvalue (and
    // the reference's witness when a diagonal entry is negative): the wrong verdicts match
    // several mistakes on their own; the question's other tests rule out all but diagonal-only.
    KernelValidityReference reference = new KernelValidityReference();
    QuestionResult question = judge("kernel-psd", input -> {
      KernelOnPoints points = (KernelOnPoints) input;
      PsdVerdict right = reference.checkPsd(points);
      double[][] k = reference.gram(points).values();
      boolean diagonalNonNegative = true;
      for (int i = 0; i < k.length; i++) {
        diagonalNonNegative &= k[i][i] >= 0;
      }
      return diagonalNonNegative ? new PsdVerdict(true, right.minEigenvalue(), new double[0])
          : right;
    });
    List<TestResult> failed = question.tests().stream().filter(t -> !t.passed()).toList();
    assertThat(failed).isNotEmpty().allSatisfy(test -> assertThat(test.mistake())
        .map(TestResult.MistakeNote::id).hasValue("diagonal-only"));
  }

  @Test
  void theDiagonalOnlySampleIsNamedToo() {
    QuestionResult question = judge("kernel-psd", answersOf("kernel.psd-check", "diagonal-only"));
    List<TestResult> failed = question.tests().stream().filter(t -> !t.passed()).toList();
    assertThat(failed).isNotEmpty().allSatisfy(test -> assertThat(test.mistake())
        .map(TestResult.MistakeNote::id).hasValue("diagonal-only"));
  }

  @Test
  void everyQuestionsTestMaximaAddUpExactlyToItsPoints() {
    for (QuestionResult question : Judge.judge(plan, "s", new CompiledSubmission(Path.of("c"),
        List.of(), List.of(), List.of(), List.of(), List.of()),
        new SandboxRun(List.of(), IsolationLevel.BUBBLEWRAP, 0), Duration.ZERO).questions()) {
      long micro = question.tests().stream().mapToLong(t -> Math.round(t.maxScore() * 1e6))
          .sum();
      assertThat(micro).as(question.id()).isEqualTo(Math.round(question.maxScore() * 1e6));
    }
  }
}
