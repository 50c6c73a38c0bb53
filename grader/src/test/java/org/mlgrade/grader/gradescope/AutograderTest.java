package org.mlgrade.grader.gradescope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.sandbox.SandboxOptions;

/**
 * The autograder's answers when there is nothing it can grade with: no child JVM starts, and each
 * case still leaves a valid results.json that blames the autograder. (Grading runs are in {@code
 * GradescopePackageTest}.)
 */
class AutograderTest {

  private static JsonNode run(Path root) throws Exception {
    Files.createDirectories(root.resolve("submission"));
    Files.createDirectories(root.resolve("source"));
    Files.writeString(root.resolve("submission/Solution.java"), "class Solution {}");
    Files.writeString(
        root.resolve("submission_metadata.json"),
        """
        {"assignment": {"title": "HW1", "due_date": "2026-12-01T23:59:00Z"},
         "users": [{"name": "Ada", "email": "ada@example.com", "id": 1}]}
        """);
    Path written =
        Autograder.run(root, SandboxOptions.defaults(), new PrintWriter(new StringWriter()));
    assertThat(written).isEqualTo(root.resolve("results/results.json"));
    assertThat(ResultsSchema.violations(written)).isEmpty();
    return new ObjectMapper().readTree(written.toFile());
  }

  private static void assertAutograderAtFault(JsonNode json, String reason) {
    assertThat(json.get("score").asDouble()).isZero();
    assertThat(json.get("output").asText())
        .contains(reason)
        .contains("fault of the autograder, not of your submission");
    assertThat(json.at("/extra_data/autograder_error/reason").asText()).contains(reason);
    assertThat(json.get("tests")).hasSize(1);
    assertThat(json.at("/tests/0/status").asText()).isEqualTo("failed");
    assertThat(json.at("/tests/0/output").asText()).contains(reason);
  }

  @Test
  void missingRubricGivesOneEntryThatSaysSo(@TempDir Path root) throws Exception {
    JsonNode json = run(root);

    assertAutograderAtFault(json, "no rubric in");
    assertThat(json.at("/extra_data/submission_metadata/users/0/email").asText())
        .isEqualTo("ada@example.com");
    assertThat(json.at("/extra_data/submission_metadata/assignment/due_date").asText())
        .isEqualTo("2026-12-01T23:59:00Z");
  }

  @Test
  void invalidRubricGivesOneEntryWithItsErrors(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("source"));
    Files.writeString(
        root.resolve("source/rubric.yaml"),
        """
        assignment: HW1
        questions:
          - {id: q1, points: 2, problem: no.such-problem, tests: [{generate: {count: 1, seed: 1}}]}
        """);

    JsonNode json = run(root);

    assertAutograderAtFault(json, "the rubric rubric.yaml is invalid");
    assertThat(json.at("/extra_data/autograder_error/detail").asText())
        .contains("rubric.yaml:3:")
        .contains("no.such-problem");
  }

  @Test
  void unparsableRubricIsTheSame(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("source"));
    Files.writeString(root.resolve("source/rubric.json"), "{\"assignment\": ");

    assertAutograderAtFault(run(root), "the rubric rubric.json is invalid");
  }

  @Test
  void resultsDirectoryIsCreatedWhenGradescopeHasNotMadeIt(@TempDir Path root) throws Exception {
    assertThat(root.resolve("results")).doesNotExist();
    run(root);
    assertThat(root.resolve("results/results.json")).isRegularFile();
  }

  @Test
  void aResultsFolderThatCannotBeWrittenFailsBeforeGrading(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("results"), "a file where the folder goes");
    // No rubric and no submission either: the folder is checked before anything is looked at.
    assertThatThrownBy(
            () ->
                Autograder.run(
                    root, SandboxOptions.defaults(), new PrintWriter(new StringWriter())))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "cannot write results.json into "
                + root.resolve("results")
                + ": the output folder "
                + root.resolve("results")
                + " is not a directory");
  }
}
