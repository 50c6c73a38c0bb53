package org.mlgrade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.gradescope.ResultsSchema;
import org.mlgrade.grader.judge.CompileSummary;
import org.mlgrade.grader.judge.IsolationSummary;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.QuestionResult;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.ResultVisibility;
import org.mlgrade.grader.judge.RubricOutline;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.judge.TestResult.MistakeNote;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.reference.Mismatch;
import org.mlgrade.reference.ProblemRegistry;

class GradescopeReportTest {

  /** The keys Gradescope's autograder specification defines for results.json. */
  private static final Set<String> TOP_LEVEL_KEYS =
      Set.of(
          "score",
          "execution_time",
          "output",
          "output_format",
          "test_output_format",
          "test_name_format",
          "visibility",
          "stdout_visibility",
          "extra_data",
          "tests",
          "leaderboard");

  private static final Set<String> TEST_KEYS =
      Set.of(
          "score",
          "max_score",
          "status",
          "name",
          "name_format",
          "number",
          "output",
          "output_format",
          "tags",
          "visibility",
          "extra_data");

  /** The names Gradescope's specification gives the four visibilities. */
  private static final Map<ResultVisibility, String> GRADESCOPE_NAMES =
      Map.of(
          ResultVisibility.VISIBLE,
          "visible",
          ResultVisibility.HIDDEN,
          "hidden",
          ResultVisibility.AFTER_DUE_DATE,
          "after_due_date",
          ResultVisibility.AFTER_PUBLISHED,
          "after_published");

  private static Result result(boolean perTest) {
    TestResult visiblePass =
        new TestResult(
            "visible #1",
            ResultVisibility.VISIBLE,
            Outcome.PASSED,
            2,
            2,
            List.of(),
            Optional.empty(),
            "",
            "{\"x\":1}",
            1000,
            "");
    TestResult hiddenMistake =
        new TestResult(
            "hidden #1",
            ResultVisibility.HIDDEN,
            Outcome.WRONG_ANSWER,
            1,
            2,
            List.of(new Mismatch("y", "2.0", "3.0")),
            Optional.of(new MistakeNote("plus-two", "You added 2.", 0.5)),
            "wrong answer",
            "{\"x\":2}",
            1000,
            "debug print");
    TestResult visibleTimeout =
        new TestResult(
            "visible #2",
            ResultVisibility.VISIBLE,
            Outcome.TIMED_OUT,
            0,
            1,
            List.of(),
            Optional.empty(),
            "timed out: 5 s",
            "{\"x\":3}",
            5_000_000_000L,
            "");
    QuestionResult q1 =
        new QuestionResult("q1", "Doubling", 3, 4, List.of(visiblePass, hiddenMistake));
    QuestionResult q2 = new QuestionResult("q2", "Tripling", 0, 1, List.of(visibleTimeout));
    CompileSummary compiled =
        new CompileSummary(List.of("A.java"), List.of("B.java"), List.of(), List.of(), List.of());
    IsolationSummary isolation =
        new IsolationSummary(
            "BUBBLEWRAP",
            "bubblewrap sandbox",
            true,
            List.of("the rubric is readable"),
            Map.of("read rubric", "SUCCEEDED"),
            "a cgroup per child");
    return new Result(
        "HW1",
        "alice",
        3,
        5,
        List.of(q1, q2),
        compiled,
        isolation,
        1,
        perTest,
        Duration.ofMillis(2600));
  }

  @Test
  void perTestResultsFollowGradescopesFormat(@TempDir Path dir) throws Exception {
    Path file = GradescopeReport.write(result(true), dir);
    JsonNode json = new ObjectMapper().readTree(Files.readString(file));
    assertThat(json.fieldNames()).toIterable().allMatch(TOP_LEVEL_KEYS::contains);
    assertThat(json.get("score").asDouble()).isEqualTo(3.0);
    assertThat(json.get("execution_time").asLong()).isEqualTo(3);
    assertThat(json.get("visibility").asText()).isEqualTo("visible");
    assertThat(json.get("stdout_visibility").asText()).isEqualTo("hidden");
    assertThat(json.get("extra_data").get("isolation").asText()).isEqualTo("BUBBLEWRAP");
    // the sandbox's notes under the names results.json has always used
    JsonNode notes = json.get("extra_data").get("isolation_notes");
    assertThat(notes.get("weak_isolation_allowed").asBoolean()).isTrue();
    assertThat(notes.get("weaknesses"))
        .extracting(JsonNode::asText)
        .containsExactly("the rubric is readable");
    assertThat(notes.get("canary").get("read rubric").asText()).isEqualTo("SUCCEEDED");
    assertThat(notes.get("memory_limit").asText()).isEqualTo("a cgroup per child");
    JsonNode tests = json.get("tests");
    assertThat(tests).hasSize(3);
    for (JsonNode test : tests) {
      assertThat(test.fieldNames()).toIterable().allMatch(TEST_KEYS::contains);
    }
    assertThat(tests.get(1).get("number").asText()).isEqualTo("1.2");
    assertThat(tests.get(1).get("visibility").asText()).isEqualTo("hidden");
    assertThat(tests.get(1).get("status").asText()).isEqualTo("failed");
    assertThat(tests.get(1).get("max_score").asDouble()).isEqualTo(2.0);
    assertThat(tests.get(1).get("output").asText()).contains("debug print");
    assertThat(tests.get(1).get("tags"))
        .extracting(JsonNode::asText)
        .contains("q1", "mistake:plus-two");
    double sum = 0;
    for (JsonNode test : tests) {
      sum += test.get("score").asDouble();
    }
    assertThat(sum).isEqualTo(json.get("score").asDouble());
    assertThat(json.get("output").asText()).contains("B.java").contains("bubblewrap");
    JsonNode questions = json.get("extra_data").get("questions");
    assertThat(questions).hasSize(2);
    assertThat(questions.get(0).get("id").asText()).isEqualTo("q1");
    assertThat(questions.get(0).get("score").asDouble()).isEqualTo(3.0);
    assertThat(questions.get(0).get("max_score").asDouble()).isEqualTo(4.0);
    assertThat(questions.get(0).get("tests_passed").asInt()).isEqualTo(1);
  }

  @Test
  void perQuestionEntriesHideTheDetailsOfHiddenTests() {
    GradescopeReport.Results results = GradescopeReport.of(result(false));
    assertThat(results.tests()).hasSize(2);
    GradescopeReport.Entry q1 = results.tests().get(0);
    assertThat(q1.score()).isEqualTo(3.0);
    assertThat(q1.maxScore()).isEqualTo(4.0);
    assertThat(q1.output())
        .contains("Hidden tests: 0 of 1 passed.")
        .doesNotContain("debug print")
        .doesNotContain("plus-two");
    assertThat(results.tests().get(1).output()).contains("timed out: 5 s");
  }

  @Test
  void everyVisibilityOfTheRubricReachesResultsJsonUnchanged() {
    for (ResultVisibility top : ResultVisibility.values()) {
      for (ResultVisibility stdout : ResultVisibility.values()) {
        Result base = result(true);
        QuestionResult q1 = base.questions().get(0);
        QuestionResult q2 = base.questions().get(1);
        ResultVisibility questionLevel = ResultVisibility.values()[(top.ordinal() + 1) % 4];
        Result result =
            new Result(
                base.assignment(),
                base.submission(),
                base.score(),
                base.maxScore(),
                List.of(
                    new QuestionResult(
                        q1.id(), q1.title(), q1.score(), q1.maxScore(), q1.tests(), questionLevel),
                    q2),
                base.compiled(),
                base.isolation(),
                base.restarts(),
                false,
                base.elapsed(),
                top,
                stdout);

        GradescopeReport.Results results = GradescopeReport.of(result);

        assertThat(results.visibility()).isEqualTo(GRADESCOPE_NAMES.get(top));
        assertThat(results.stdoutVisibility()).isEqualTo(GRADESCOPE_NAMES.get(stdout));
        assertThat(results.tests().get(0).visibility())
            .isEqualTo(GRADESCOPE_NAMES.get(questionLevel));
        assertThat(results.tests().get(1).visibility()).isEqualTo("visible");
      }
    }
  }

  @Test
  void perTestEntriesKeepEachOfTheFourLevels() {
    Result base = result(true);
    List<TestResult> tests = new ArrayList<>();
    for (ResultVisibility level : ResultVisibility.values()) {
      tests.add(
          new TestResult(
              "t-" + level,
              level,
              Outcome.PASSED,
              1,
              1,
              List.of(),
              Optional.empty(),
              "",
              "{}",
              1,
              ""));
    }
    Result result =
        new Result(
            "HW",
            "bob",
            4,
            4,
            List.of(new QuestionResult("q1", "Q", 4, 4, tests)),
            base.compiled(),
            base.isolation(),
            0,
            true,
            base.elapsed());

    assertThat(GradescopeReport.of(result).tests())
        .extracting(GradescopeReport.Entry::visibility)
        .containsExactly("visible", "hidden", "after_due_date", "after_published");
  }

  @Test
  void writingReplacesTheFileWholeAndLeavesNoPartialFileBehind(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("results.json"), "{\"score\": 99, \"old\": true}");

    GradescopeReport.write(result(true), dir);

    assertThat(
            new ObjectMapper()
                .readTree(dir.resolve("results.json").toFile())
                .get("score")
                .asDouble())
        .isEqualTo(3.0);
    try (var files = Files.list(dir)) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("results.json");
    }
  }

  @Test
  void notGradedListsEveryTestAtZeroWithTheRubricsVisibilitiesAndBlamesTheAutograder()
      throws Exception {
    Path file =
        Path.of(GradescopeReportTest.class.getResource("/gradescope/small-rubric.yaml").toURI());
    Rubric rubric = new RubricLoader(ProblemRegistry.standard()).load(file);

    GradescopeReport.Results results =
        GradescopeReport.notGraded(
            RubricOutline.of(rubric),
            "disk full",
            "java.io.IOException: disk full",
            Map.of("rubric", "rubric.yaml"));

    // small-rubric.yaml: q1 has 4 visible and 2 after_due_date tests for 4 points, q2 one
    // after_published (the question's level) and one hidden test for 2 points.
    assertThat(results.tests())
        .extracting(GradescopeReport.Entry::visibility)
        .containsExactly(
            "visible",
            "visible",
            "visible",
            "visible",
            "after_due_date",
            "after_due_date",
            "after_published",
            "hidden");
    assertThat(results.tests()).extracting(GradescopeReport.Entry::score).containsOnly(0.0);
    assertThat(results.tests().stream().mapToDouble(GradescopeReport.Entry::maxScore).sum())
        .isCloseTo(6.0, Offset.offset(1e-5));
    assertThat(results.tests())
        .allSatisfy(
            e -> assertThat(e.output()).contains("disk full").contains("not of your submission"));
    assertThat(results.stdoutVisibility()).isEqualTo("after_due_date");
    assertThat(results.extraData()).containsKey("autograder_error").containsKey("rubric");
    assertThat(ResultsSchema.violations(new ObjectMapper().writeValueAsString(results))).isEmpty();
  }
}
