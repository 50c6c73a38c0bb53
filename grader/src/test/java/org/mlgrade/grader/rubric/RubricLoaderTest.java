package org.mlgrade.grader.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.testfake.Pooling;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.reference.InputGenerator;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemRegistry;
import org.mlgrade.reference.Tolerance;

class RubricLoaderTest {

  private final RubricLoader loader = new RubricLoader(FakeProblems.REGISTRY);

  static Path resource(String name) {
    try {
      return Path.of(RubricLoaderTest.class.getResource("/rubric/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The errors of a rubric that must not load, in their compiler-style form. */
  private List<String> errors(String fileName, String text) {
    RubricException e = catchThrowableOfType(RubricException.class,
        () -> loader.read(Path.of(fileName), text));
    assertThat(e).as("the rubric should not load").isNotNull();
    return e.errors().stream().map(RubricError::toString).toList();
  }

  private static final String QUESTION_HEAD = """
      assignment: HW
      questions:
        - id: q1
          points: 2
          problem: fake.pool-shape
      """;

  // ---- valid rubrics ----

  @Test
  void jsonAndYamlRubricsLoadToEqualModels() throws RubricException {
    Rubric json = loader.load(resource("valid.json"));
    Rubric yaml = loader.load(resource("valid.yaml"));

    assertThat(yaml.assignment()).isEqualTo(json.assignment());
    assertThat(yaml.limits()).isEqualTo(json.limits());
    assertThat(yaml.forbidden()).isEqualTo(json.forbidden());
    assertThat(yaml.resultsPerTest()).isEqualTo(json.resultsPerTest());
    assertThat(yaml.questions()).isEqualTo(json.questions());
    assertThat(yaml.source()).isEqualTo(resource("valid.yaml"));
  }

  @Test
  void validRubricReadsEveryField() throws RubricException {
    Rubric rubric = loader.load(resource("valid.yaml"));

    assertThat(rubric.assignment()).isEqualTo("HW0: pooling");
    assertThat(rubric.limits()).isEqualTo(
        new Limits(Duration.ofMillis(2500), Duration.ofSeconds(30), 128, 4096));
    assertThat(rubric.forbidden()).containsExactly("no-network", "no-exit");
    assertThat(rubric.resultsPerTest()).isFalse();
    assertThat(rubric.maxScore()).isEqualTo(10);

    Question q1 = rubric.questions().get(0);
    assertThat(q1.id()).isEqualTo("q1");
    assertThat(q1.title()).isEqualTo("Pooling by hand");
    assertThat(q1.problem()).isSameAs(FakeProblems.POOL);
    assertThat(q1.tolerance()).isEqualTo(new Tolerance(0, 1e-9));
    assertThat(q1.scoring()).isEqualTo(Scoring.PER_TEST);
    assertThat(q1.mistakeCredits()).containsExactly(new MistakeCredit("no-floor", 0.5));
    assertThat(q1.tests()).extracting(TestCase::name).containsExactly("3x3 window",
        "q1 after_due_date #1", "q1 hidden #1", "q1 hidden #2", "q1 hidden #3", "q1 hidden #4");
    assertThat(q1.tests()).extracting(TestCase::points).containsExactly(1.0, 1.0, 0.5, 0.5, 0.5,
        0.5);
    assertThat(q1.tests()).extracting(TestCase::visibility).containsExactly(Visibility.VISIBLE,
        Visibility.AFTER_DUE_DATE, Visibility.HIDDEN, Visibility.HIDDEN, Visibility.HIDDEN,
        Visibility.HIDDEN);
    assertThat(q1.tests().get(0).input())
        .isEqualTo(new Pooling.Input(7, 9, new Pooling.Window(3, 2)));
    for (int i = 0; i < 4; i++) {
      assertThat(q1.tests().get(2 + i).input()).isEqualTo(
          FakeProblems.POOL.generator().generate(InputGenerator.randomFor(7, i), i));
    }
  }

  @Test
  void defaultsApplyWhereTheRubricIsSilent() throws RubricException {
    Rubric rubric = loader.read(Path.of("min.yaml"), QUESTION_HEAD + """
            tests:
              - input: {height: 4, width: 4, window: {size: 2, stride: 2}}
              - generate: {count: 3, seed: 1}
        """);

    assertThat(rubric.limits()).isEqualTo(Limits.DEFAULT);
    assertThat(rubric.forbidden()).isEmpty();
    assertThat(rubric.resultsPerTest()).isTrue();
    Question q1 = rubric.questions().get(0);
    assertThat(q1.title()).isEqualTo("Pooling output shape");
    assertThat(q1.tolerance()).isEqualTo(Tolerance.DEFAULT);
    assertThat(q1.scoring()).isEqualTo(Scoring.PER_TEST);
    assertThat(q1.mistakeCredits()).isEmpty();
    assertThat(q1.tests()).extracting(TestCase::name)
        .containsExactly("q1 visible #1", "q1 visible #2", "q1 visible #3", "q1 visible #4");
    assertThat(q1.tests()).extracting(TestCase::points).containsOnly(0.5);
  }

  @Test
  void proportionalAndGeneratedTestsContinueTheirPrefixNumbering() throws RubricException {
    Question q2 = loader.load(resource("valid.json")).questions().get(1);

    assertThat(q2.title()).isEqualTo("Pooling output shape");
    assertThat(q2.scoring()).isEqualTo(Scoring.PROPORTIONAL);
    assertThat(q2.tests()).extracting(TestCase::name).containsExactly("random pool #1",
        "random pool #2", "random pool #3", "random pool #4", "random pool #5");
    assertThat(q2.tests()).extracting(TestCase::visibility).containsExactly(
        Visibility.AFTER_PUBLISHED, Visibility.AFTER_PUBLISHED, Visibility.AFTER_PUBLISHED,
        Visibility.HIDDEN, Visibility.HIDDEN);
    assertThat(q2.tests()).extracting(TestCase::points).containsOnly(1.0);
    assertThat(q2.tests().get(3).input()).isEqualTo(
        FakeProblems.POOL.generator().generate(InputGenerator.randomFor(99, 0), 0));
  }

  @Test
  void aPartlyWrittenToleranceTakesTheMissingPartFromTheDefaults() throws RubricException {
    // Issue 9: {rel: 1e-4} used to mean abs 0, which fails correct answers near zero.
    Rubric rubric = loader.read(Path.of("tol.yaml"), """
        assignment: HW
        questions:
          - {id: a, points: 1, problem: fake.pool-shape, tolerance: {},
             tests: [{generate: {count: 1, seed: 1}}]}
          - {id: b, points: 1, problem: fake.pool-shape, tolerance: {abs: 0.25},
             tests: [{generate: {count: 1, seed: 1}}]}
          - {id: c, points: 1, problem: fake.pool-shape, tolerance: {rel: 1e-4},
             tests: [{generate: {count: 1, seed: 1}}]}
          - {id: d, points: 1, problem: fake.pool-shape, tolerance: {abs: 0, rel: 0},
             tests: [{generate: {count: 1, seed: 1}}]}
        """);

    assertThat(rubric.questions()).extracting(Question::tolerance).containsExactly(
        Tolerance.DEFAULT, new Tolerance(0.25, Tolerance.DEFAULT.rel()),
        new Tolerance(Tolerance.DEFAULT.abs(), 1e-4), Tolerance.EXACT);
  }

  // ---- each kind of error, with its place ----

  @Test
  void unknownFieldIsReportedAtItsNameWithTheExpectedFields() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            tolerence: {abs: 1e-9}
            tests: [{generate: {count: 1, seed: 1}}]
        """)).containsExactly("x.yaml:6:5: unknown field 'tolerence' in question 'q1' (expected"
        + " one of: id, title, points, problem, tolerance, scoring, visibility, mistake_credit,"
        + " part_weights, carried_forward, tests)");
  }

  @Test
  void unknownFieldInJsonIsReportedAtItsName() {
    assertThat(errors("x.json", """
        {"assignment": "HW",
         "limits": {"heap": 64},
         "questions": [{"id": "q1", "points": 1, "problem": "fake.pool-shape",
                        "tests": [{"generate": {"count": 1, "seed": 1}}]}]}
        """)).containsExactly("x.json:2:13: unknown field 'heap' in limits (expected one of:"
        + " per_test_seconds, total_seconds, heap_mb, output_bytes)");
  }

  @Test
  void unknownProblemNamesTheKnownOnes() {
    assertThat(errors("x.yaml", """
        assignment: HW
        questions:
          - id: q1
            points: 2
            problem: conv.output-shape
            tests: [{input: {height: 1}}]
        """)).containsExactly("x.yaml:5:14: unknown problem 'conv.output-shape' in question"
        + " 'q1' (known problems: fake.pool-shape)");
  }

  @Test
  void inputWithAFractionalIntIsReportedAtTheNumber() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            tests:
              - input: {height: 7.5, width: 9, window: {size: 3, stride: 2}}
        """)).singleElement().asString()
        .startsWith("x.yaml:7:25: the input of test #1 of question 'q1' does not fit Input:")
        .contains("to int value");
  }

  @Test
  void inputWithAQuotedNumberIsRejectedStrictly() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            tests:
              - name: quoted
                input: {height: "7", width: 9, window: {size: 3, stride: 2}}
        """)).singleElement().asString()
        .startsWith("x.yaml:8:25: the input of test 'quoted' of question 'q1' does not fit"
            + " Input:");
  }

  @Test
  void inputWithAnUnknownFieldIsReportedAtTheFieldName() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            tests:
              - input:
                  height: 7
                  width: 9
                  window: {size: 3, stride: 2, padding: 1}
        """)).containsExactly("x.yaml:10:40: unknown field 'padding' in the input of test #1"
        + " of question 'q1' (expected one of: size, stride)");
  }

  @Test
  void inputWithAMissingFieldNamesIt() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            tests:
              - input: {height: 7, window: {size: 3, stride: 2}}
        """)).containsExactly("x.yaml:7:16: missing field 'width' in the input of test #1 of"
        + " question 'q1' (a Input)");
  }

  @Test
  void inputRejectedByTheRecordConstructorReportsItsMessage() {
    assertThat(errors("x.json", """
        {"assignment": "HW", "questions": [{"id": "q1", "points": 2,
          "problem": "fake.pool-shape", "tests": [
            {"name": "zero window",
             "input": {"height": 7, "width": 9, "window": {"size": 0, "stride": 2}}}]}]}
        """)).containsExactly("x.json:4:51: invalid input of test 'zero window' of question"
        + " 'q1': window size must be >= 1, got 0");
  }

  @Test
  void negativeAndNanTolerancesAreImpossible() {
    assertThat(errors("x.json", """
        {"assignment": "HW", "questions": [{"id": "q1", "points": 2,
          "problem": "fake.pool-shape",
          "tolerance": {"abs": -1e-9, "rel": NaN},
          "tests": [{"generate": {"count": 1, "seed": 1}}]}]}
        """)).containsExactly(
        "x.json:3:24: 'abs' of the tolerance of question 'q1' must be a finite number >= 0,"
            + " got -1.0E-9",
        "x.json:3:38: 'rel' of the tolerance of question 'q1' must be a finite number >= 0,"
            + " got NaN");
  }

  @Test
  void yamlNanToleranceIsImpossibleToo() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            tolerance: {rel: .nan}
            tests: [{generate: {count: 1, seed: 1}}]
        """)).containsExactly("x.yaml:6:22: 'rel' of the tolerance of question 'q1' must be a"
        + " finite number >= 0, got NaN");
  }

  @Test
  void perTestPointsMustSumToTheQuestionsPoints() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            tests:
              - {input: {height: 4, width: 4, window: {size: 2, stride: 2}}, points: 1}
              - {generate: {count: 3, seed: 5}, points_each: 0.5}
        """)).containsExactly("x.yaml:4:13: the tests of question 'q1' are worth 2.5 points in"
        + " all, but the question has 2");
  }

  @Test
  void perTestPointsMustBeGivenForEveryTestOrNone() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            tests:
              - {input: {height: 4, width: 4, window: {size: 2, stride: 2}}, points: 2}
              - {name: lonely, input: {height: 5, width: 4, window: {size: 2, stride: 2}}}
        """)).containsExactly("x.yaml:8:9: test 'lonely' of question 'q1' has no points, but"
        + " other tests of the question do: give every test points (points_each for generated"
        + " tests), or none to split the question's points evenly");
  }

  @Test
  void perTestPointsAreRefusedUnderOtherScoring() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            scoring: all_or_nothing
            tests:
              - {generate: {count: 2, seed: 5}, points_each: 1}
        """)).containsExactly("x.yaml:8:41: 'points_each' of test #1 of question 'q1' is only"
        + " allowed when the question's scoring is per_test or per_part, not all_or_nothing");
  }

  @Test
  void questionPointsMustBePositive() {
    assertThat(errors("x.yaml", """
        assignment: HW
        questions:
          - {id: q1, points: 0, problem: fake.pool-shape, tests: [{generate: {count: 1, seed: 1}}]}
        """)).containsExactly("x.yaml:3:22: 'points' of question 'q1' must be a finite number"
        + " > 0, got 0");
  }

  @Test
  void declaredTotalMustMatchTheQuestions() {
    assertThat(errors("x.yaml", """
        assignment: HW
        total: 5
        questions:
          - {id: q1, points: 2, problem: fake.pool-shape, tests: [{generate: {count: 1, seed: 1}}]}
          - {id: q2, points: 2, problem: fake.pool-shape, tests: [{generate: {count: 1, seed: 2}}]}
        """)).containsExactly("x.yaml:2:8: the questions add up to 4 points, but 'total' is 5");
  }

  @Test
  void duplicateQuestionIdsAreReportedAtTheSecond() {
    assertThat(errors("x.yaml", """
        assignment: HW
        questions:
          - {id: q1, points: 2, problem: fake.pool-shape, tests: [{generate: {count: 1, seed: 1}}]}
          - {id: q1, points: 2, problem: fake.pool-shape, tests: [{generate: {count: 1, seed: 2}}]}
        """)).containsExactly("x.yaml:4:10: duplicate question id 'q1' (first used at line 3)");
  }

  @Test
  void duplicateTestNamesAreReportedAcrossQuestions() {
    assertThat(errors("x.yaml", """
        assignment: HW
        questions:
          - id: q1
            points: 2
            problem: fake.pool-shape
            tests:
              - {name: small, input: {height: 4, width: 4, window: {size: 2, stride: 2}}}
          - id: q2
            points: 2
            problem: fake.pool-shape
            tests:
              - {name: small, input: {height: 5, width: 5, window: {size: 2, stride: 2}}}
        """)).containsExactly("x.yaml:12:16: duplicate test name 'small' (first used at line 7)");
  }

  @Test
  void unknownMistakeNamesTheProblemsMistakes() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            mistake_credit: [{mistake: no-ceil, fraction: 0.5}]
            tests: [{generate: {count: 1, seed: 1}}]
        """)).containsExactly("x.yaml:6:32: unknown mistake 'no-ceil' in mistake_credit #1 of"
        + " question 'q1' (known mistakes of problem 'fake.pool-shape': no-floor,"
        + " ignore-stride)");
  }

  @Test
  void mistakeCreditFractionMustBeInTheUnitInterval() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            mistake_credit: [{mistake: no-floor, fraction: 1.5}]
            tests: [{generate: {count: 1, seed: 1}}]
        """)).containsExactly("x.yaml:6:52: 'fraction' of mistake_credit #1 of question 'q1'"
        + " must be a number in (0, 1], got 1.5");
  }

  @Test
  void generateFirstSkipsTheIndicesAVisibleEntryAlreadyShows() throws RubricException {
    Question q = loader.read(Path.of("first.yaml"), QUESTION_HEAD + """
            tests:
              - generate: {count: 2, seed: 1}
              - generate: {count: 3, seed: 1, first: 2}
                visibility: hidden
        """).questions().get(0);
    assertThat(q.tests()).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(q.tests().get(i).input()).as("test %d is generator index %d", i, i).isEqualTo(
          FakeProblems.POOL.generator().generate(InputGenerator.randomFor(1, i), i));
    }
  }

  @Test
  void generateFirstMustNotBeNegative() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            tests:
              - generate: {count: 1, seed: 1, first: -1}
        """)).containsExactly("x.yaml:7:46: 'first' of 'generate' of test #1 of question 'q1'"
        + " must be an integer from 0 to 10000, got -1");
  }

  @Test
  void generateCountMustBePositive() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            tests:
              - generate: {count: 0, seed: 1}
        """)).containsExactly("x.yaml:7:27: 'count' of 'generate' of test #1 of question 'q1'"
        + " must be an integer from 1 to 10000, got 0");
  }

  @Test
  void aTestNeedsInputOrGenerateButNotBoth() {
    assertThat(errors("x.yaml", QUESTION_HEAD + """
            tests:
              - {name: nothing}
              - {input: {height: 4, width: 4, window: {size: 2, stride: 2}},
                 generate: {count: 1, seed: 1}}
        """)).containsExactly(
        "x.yaml:7:9: test #1 of question 'q1' needs 'input' (an explicit test) or 'generate'"
            + " (seeded random tests)",
        "x.yaml:9:10: test #2 of question 'q1' has both 'input' and 'generate': an explicit test"
            + " has 'input', generated tests have 'generate'");
  }

  @Test
  void visibilitiesDefaultToVisibleResultsAndHiddenStdout() throws RubricException {
    Rubric rubric = loader.read(Path.of("min.yaml"), QUESTION_HEAD + """
            tests:
              - input: {height: 4, width: 4, window: {size: 2, stride: 2}}
        """);

    assertThat(rubric.visibility()).isEqualTo(Visibility.VISIBLE);
    assertThat(rubric.stdoutVisibility()).isEqualTo(Visibility.HIDDEN);
    assertThat(rubric.questions().get(0).visibility()).isEqualTo(Visibility.VISIBLE);
  }

  @Test
  void everyGradescopeVisibilityIsReadWhereverItMayBeSet() throws RubricException {
    Rubric rubric = loader.read(Path.of("vis.yaml"), """
        assignment: HW
        visibility: after_published
        stdout_visibility: after_due_date
        questions:
          - id: q1
            points: 2
            problem: fake.pool-shape
            visibility: after_due_date
            tests:
              - input: {height: 4, width: 4, window: {size: 2, stride: 2}}
              - input: {height: 6, width: 4, window: {size: 2, stride: 2}}
                visibility: hidden
              - generate: {count: 1, seed: 1}
                visibility: after_published
              - generate: {count: 1, seed: 2}
                visibility: visible
        """);

    assertThat(rubric.visibility()).isEqualTo(Visibility.AFTER_PUBLISHED);
    assertThat(rubric.stdoutVisibility()).isEqualTo(Visibility.AFTER_DUE_DATE);
    Question q1 = rubric.questions().get(0);
    assertThat(q1.visibility()).isEqualTo(Visibility.AFTER_DUE_DATE);
    assertThat(q1.tests()).extracting(TestCase::visibility).containsExactly(
        Visibility.AFTER_DUE_DATE, Visibility.HIDDEN, Visibility.AFTER_PUBLISHED,
        Visibility.VISIBLE);
  }

  @Test
  void unknownTopLevelVisibilitiesAreRejectedAtTheirValue() {
    assertThat(errors("x.yaml", """
        assignment: HW
        visibility: public
        stdout_visibility: true
        questions:
          - {id: q1, points: 2, problem: fake.pool-shape, tests: [{generate: {count: 1, seed: 1}}]}
        """)).containsExactly(
        "x.yaml:2:13: 'visibility' of the rubric must be one of visible, hidden, after_due_date,"
            + " after_published, got 'public'",
        "x.yaml:3:20: 'stdout_visibility' of the rubric must be one of visible, hidden,"
            + " after_due_date, after_published, got true");
  }

  @Test
  void unknownStaticCheckAndResultsPerAreRejected() {
    assertThat(errors("x.yaml", """
        assignment: HW
        static_checks: [no-exit, no-sockets]
        results_per: student
        questions:
          - {id: q1, points: 2, problem: fake.pool-shape, tests: [{generate: {count: 1, seed: 1}}]}
        """)).containsExactly(
        "x.yaml:2:26: unknown static check 'no-sockets' (expected one of: no-network,"
            + " no-process, no-reflection, no-file-io, no-exit, no-threads, no-class-loading,"
            + " no-proc)",
        "x.yaml:3:14: 'results_per' of the rubric must be one of test, question, got 'student'");
  }

  @Test
  void missingRequiredFieldsAreReportedAtTheirObject() {
    assertThat(errors("x.yaml", """
        questions:
          - id: q1
            problem: fake.pool-shape
        """)).containsExactly(
        "x.yaml:1:1: missing field 'assignment' in the rubric",
        "x.yaml:2:5: missing field 'points' in question 'q1'",
        "x.yaml:2:5: missing field 'tests' in question 'q1'");
  }

  @Test
  void syntaxErrorStopsAtOnceWithItsPlace() {
    assertThat(errors("x.json", """
        {"assignment": "HW",
         "questions": [}
        """)).singleElement().asString().startsWith("x.json:2:16: JSON syntax error:");
  }

  @Test
  void duplicateFieldNameIsAnError() {
    assertThat(errors("x.yaml", """
        assignment: HW
        assignment: HW2
        """)).containsExactly("x.yaml:2:1: duplicate field 'assignment'");
  }

  @Test
  void emptyFileIsAnError() {
    assertThat(errors("x.yaml", "")).containsExactly("x.yaml:1:1: the rubric file is empty");
  }

  @Test
  void failingGeneratorIsReportedAtItsGenerate() {
    var broken = Problem.of("fake.broken-generator", "Broken",
        Pooling.class, "outputShape", Pooling.Input.class, Pooling.Shape.class,
        Pooling::outputShape, FakeProblems.POOL.reference(), (random, index) -> {
          if (index == 1) {
            throw new IllegalStateException("no second input");
          }
          return new Pooling.Input(4, 4, new Pooling.Window(2, 2));
        }, List.of());
    RubricLoader brokenLoader = new RubricLoader(
        new ProblemRegistry(List.of(broken)));

    assertThatThrownBy(() -> brokenLoader.read(Path.of("x.yaml"), """
        assignment: HW
        questions:
          - id: q1
            points: 2
            problem: fake.broken-generator
            tests:
              - generate: {count: 3, seed: 1}
        """)).isInstanceOfSatisfying(RubricException.class, e -> assertThat(e.errors())
        .extracting(RubricError::toString).containsExactly("x.yaml:7:19: the generator of"
            + " problem 'fake.broken-generator' failed on generated test #2 of test #1 of"
            + " question 'q1': java.lang.IllegalStateException: no second input"));
  }

  @Test
  void loadedRubricIsReadyForGrading() throws RubricException {
    Rubric rubric = loader.load(resource("valid.json"));

    GradingPlan plan = GradingPlan.of(rubric);

    assertThat(plan.calls()).hasSize(11);
    assertThat(plan.calls().get(0).inputJson())
        .isEqualTo("{\"height\":7,\"width\":9,\"window\":{\"size\":3,\"stride\":2}}");
    assertThat(plan.tests().get(0).expected()).isEqualTo(new Pooling.Shape(3, 4));
  }

  // ---- many errors at once ----

  @Test
  void rubricWithThreeErrorsReportsAllThree() {
    Path file = resource("three-errors.yaml");

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOfSatisfying(RubricException.class, e -> {
          assertThat(e.errors()).extracting(RubricError::line, RubricError::column)
              .containsExactly(Tuple.tuple(6, 5),
                  Tuple.tuple(8, 46),
                  Tuple.tuple(9, 27));
          assertThat(e.errors()).extracting(RubricError::message).containsExactly(
              "unknown field 'tolerence' in question 'q1' (expected one of: id, title, points,"
                  + " problem, tolerance, scoring, visibility, mistake_credit, part_weights,"
                  + " carried_forward, tests)",
              "invalid input of test #1 of question 'q1': window size must be >= 1, got 0",
              "'count' of 'generate' of test #2 of question 'q1' must be an integer from 1 to"
                  + " 10000, got 0");
          assertThat(e.errors()).extracting(RubricError::file).containsOnly(file);
          assertThat(e.getMessage()).isEqualTo(String.join("\n",
              e.errors().stream().map(RubricError::toString).toList()));
        });
  }

  @Test
  void unreadableFileIsAnError() {
    Path missing = Path.of("no/such/rubric.yaml");

    assertThatThrownBy(() -> loader.load(missing))
        .isInstanceOfSatisfying(RubricException.class, e -> assertThat(e.errors())
            .singleElement().satisfies(error -> {
              assertThat(error.file()).isEqualTo(missing);
              assertThat(error.message()).isEqualTo("no such file");
            }));
  }
}
