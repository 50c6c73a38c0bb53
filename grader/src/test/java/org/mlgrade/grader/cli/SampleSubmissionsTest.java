package org.mlgrade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Grades every bundled sample submission with {@code mlgrade grade} and the bundled default
 * rubric, and checks each against the {@code expected.json} beside it: the total, the score of
 * every question that loses points, how many of its tests fail and how, the known mistake the
 * feedback must name, and full marks on every other question.
 *
 * <p>Which questions a sample loses points on, and which mistake must be named, follow from how
 * the sample was written (its SAMPLE.md); the exact partial scores on seeded hidden tests were
 * recorded from a graded run once those had been checked against that design.
 */
@Tag("e2e")
class SampleSubmissionsTest {

  private static final Path SAMPLES = Path.of("..", "submissions-sample");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double SCORE_TOLERANCE = 1e-4;
  private static final List<String> SUMMARY = new ArrayList<>();

  @TempDir static Path out;

  @TestFactory
  Stream<DynamicTest> everySampleGetsItsExpectedScores() throws IOException {
    List<Path> samples;
    try (Stream<Path> list = Files.list(SAMPLES)) {
      samples = list.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(samples).as("sample submissions").hasSizeGreaterThanOrEqualTo(15);
    return samples.stream().map(sample ->
        DynamicTest.dynamicTest(sample.getFileName().toString(), () -> check(sample)));
  }

  @TestFactory
  Stream<DynamicTest> theCorrectSampleGetsFullMarksUnderEveryBundledRubric() throws IOException {
    List<Path> rubrics;
    try (Stream<Path> list = Files.list(Path.of("..", "rubrics"))) {
      rubrics = list.filter(p -> p.toString().matches(".*\\.(json|ya?ml)$")).sorted().toList();
    }
    assertThat(rubrics).hasSizeGreaterThanOrEqualTo(5);
    return rubrics.stream().map(rubric -> DynamicTest.dynamicTest(
        rubric.getFileName().toString(), () -> {
          Path results = out.resolve("correct-" + rubric.getFileName());
          StringWriter printed = new StringWriter();
          CommandLine cli = Main.commandLine();
          cli.setOut(new PrintWriter(printed));
          cli.setErr(new PrintWriter(printed));
          assertThat(cli.execute("grade", "--rubric", rubric.toString(), "--out",
              results.toString(), SAMPLES.resolve("correct").toString()))
              .as("%s", printed).isZero();
          JsonNode json = JSON.readTree(results.resolve("results.json").toFile());
          double max = 0;
          for (JsonNode test : json.get("tests")) {
            max += test.get("max_score").asDouble();
            assertThat(test.get("status").asText()).as(test.get("name").asText())
                .isEqualTo("passed");
          }
          assertThat(json.get("score").asDouble()).isCloseTo(max,
              org.assertj.core.data.Offset.offset(SCORE_TOLERANCE));
        }));
  }

  private static void check(Path sample) throws IOException {
    Path expectedFile = sample.resolve("expected.json");
    assertThat(expectedFile).as("expected.json beside the sample").exists();
    JsonNode expected = JSON.readTree(expectedFile.toFile());
    assertThat(expected.get("rubric").asText()).isEqualTo("rubrics/" + RubricSource.DEFAULT_NAME);

    Path results = out.resolve(sample.getFileName().toString());
    StringWriter printed = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(printed));
    cli.setErr(new PrintWriter(printed));
    int exit = cli.execute("grade", sample.toString(), "--out", results.toString());
    assertThat(exit).as("exit code; output:%n%s", printed).isZero();
    JsonNode json = JSON.readTree(results.resolve("results.json").toFile());

    Map<String, JsonNode> questions = new HashMap<>();
    json.get("extra_data").get("questions").forEach(q -> questions.put(q.get("id").asText(), q));
    Map<String, List<JsonNode>> failedTests = new HashMap<>();
    for (JsonNode test : json.get("tests")) {
      if (!test.get("status").asText().equals("passed")) {
        failedTests.computeIfAbsent(test.get("tags").get(0).asText(), k -> new ArrayList<>())
            .add(test);
      }
    }
    JsonNode losing = expected.get("questions");
    Set<String> listed = new HashSet<>();
    losing.fieldNames().forEachRemaining(listed::add);
    assertThat(questions.keySet()).as("questions of the rubric").containsAll(listed);
    for (String id : listed) {
      JsonNode want = losing.get(id);
      JsonNode got = questions.get(id);
      assertThat(got.get("score").asDouble()).as("%s score", id)
          .isCloseTo(want.get("score").asDouble(), org.assertj.core.data.Offset.offset(
              SCORE_TOLERANCE));
      List<JsonNode> failed = failedTests.getOrDefault(id, List.of());
      assertThat(failed).as("%s failed tests", id).hasSize(want.get("failed_tests").asInt());
      Set<String> outcomes = new HashSet<>();
      Set<String> tags = new HashSet<>();
      failed.forEach(test -> {
        outcomes.add(test.get("tags").get(1).asText());
        test.get("tags").forEach(tag -> tags.add(tag.asText()));
      });
      Set<String> wantOutcomes = new HashSet<>();
      if (want.get("outcome").isArray()) {
        want.get("outcome").forEach(o -> wantOutcomes.add(o.asText()));
      } else {
        wantOutcomes.add(want.get("outcome").asText());
      }
      assertThat(outcomes).as("%s outcomes", id).isEqualTo(wantOutcomes);
      if (want.has("mistake")) {
        assertThat(tags).as("%s names the known mistake", id)
            .contains("mistake:" + want.get("mistake").asText());
      }
    }
    for (Map.Entry<String, JsonNode> question : questions.entrySet()) {
      if (!listed.contains(question.getKey())) {
        assertThat(question.getValue().get("score").asDouble())
            .as("%s: full marks", question.getKey())
            .isEqualTo(question.getValue().get("max_score").asDouble());
      }
    }
    assertThat(json.get("score").asDouble()).as("total")
        .isCloseTo(expected.get("total").asDouble(), org.assertj.core.data.Offset.offset(
            SCORE_TOLERANCE));
    synchronized (SUMMARY) {
      SUMMARY.add(String.format("%-40s %8.4f  %s", sample.getFileName(),
          json.get("score").asDouble(), String.join(", ", listed)));
    }
  }

  @AfterAll
  static void printSummary() {
    System.out.println("sample submission                        score     questions losing points");
    SUMMARY.forEach(System.out::println);
  }
}
