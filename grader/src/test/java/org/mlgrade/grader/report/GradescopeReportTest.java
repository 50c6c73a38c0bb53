package org.mlgrade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.QuestionResult;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.judge.TestResult.MistakeNote;
import org.mlgrade.grader.rubric.Visibility;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.submission.CompiledSubmission;
import org.mlgrade.reference.Mismatch;

class GradescopeReportTest {

  /** The keys Gradescope's autograder specification defines for results.json. */
  private static final Set<String> TOP_LEVEL_KEYS = Set.of("score", "execution_time", "output",
      "output_format", "test_output_format", "test_name_format", "visibility",
      "stdout_visibility", "extra_data", "tests", "leaderboard");
  private static final Set<String> TEST_KEYS = Set.of("score", "max_score", "status", "name",
      "name_format", "number", "output", "output_format", "tags", "visibility", "extra_data");

  private static Result result(boolean perTest) {
    TestResult visiblePass = new TestResult("visible #1", Visibility.VISIBLE, Outcome.PASSED, 2,
        2, List.of(), Optional.empty(), "", "{\"x\":1}", 1000,
        "");
    TestResult hiddenMistake = new TestResult("hidden #1", Visibility.HIDDEN,
        Outcome.WRONG_ANSWER, 1, 2, List.of(new Mismatch("y", "2.0", "3.0")),
        Optional.of(new MistakeNote("plus-two", "You added 2.", 0.5)), "wrong answer",
        "{\"x\":2}", 1000, "debug print");
    TestResult visibleTimeout = new TestResult("visible #2", Visibility.VISIBLE,
        Outcome.TIMED_OUT, 0, 1, List.of(), Optional.empty(), "timed out: 5 s", "{\"x\":3}",
        5_000_000_000L, "");
    QuestionResult q1 = new QuestionResult("q1", "Doubling", 3, 4,
        List.of(visiblePass, hiddenMistake));
    QuestionResult q2 = new QuestionResult("q2", "Tripling", 0, 1, List.of(visibleTimeout));
    CompiledSubmission compiled = new CompiledSubmission(Path.of("c"), List.of("A.java"),
        List.of("B.java"), List.of(), List.of(), List.of());
    return new Result("HW1", "alice", 3, 5, List.of(q1, q2), compiled,
        IsolationLevel.BUBBLEWRAP, 1, perTest, Duration.ofMillis(2600));
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
    assertThat(tests.get(1).get("tags")).extracting(JsonNode::asText)
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
    assertThat(q1.output()).contains("Hidden tests: 0 of 1 passed.")
        .doesNotContain("debug print").doesNotContain("plus-two");
    assertThat(results.tests().get(1).output()).contains("timed out: 5 s");
  }
}
