package org.mlgrade.grader.gradescope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.SandboxOptions;

/**
 * The autograder at a level that cannot keep the rubric's hidden tests from student code ({@code
 * PROCESS_ONLY}, forced here): a valid results.json that lists every test at 0, tells the student
 * it is not their fault and gives the operator the refusal. It opens a sandbox (child processes),
 * hence end to end.
 */
@Tag("e2e")
class AutograderRefusalTest {

  @Test
  void aRefusedIsolationLevelStillWritesResultsThatSaySo(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("submission"));
    Files.writeString(root.resolve("submission/Solution.java"), "class Solution {}");
    Files.createDirectories(root.resolve("source"));
    Files.copy(
        Path.of(getClass().getResource("/gradescope/small-rubric.yaml").toURI()),
        root.resolve("source/rubric.yaml"));
    StringWriter log = new StringWriter();

    Path written =
        Autograder.run(
            root,
            SandboxOptions.defaults().withIsolation(IsolationLevel.PROCESS_ONLY),
            new PrintWriter(log, true));

    assertThat(ResultsSchema.violations(written)).isEmpty();
    JsonNode json = new ObjectMapper().readTree(written.toFile());
    assertThat(json.get("score").asDouble()).isZero();
    assertThat(json.get("tests")).hasSize(8);
    assertThat(json.get("output").asText())
        .contains("cannot keep the hidden tests from student code")
        .contains("fault of the autograder, not of your submission");
    assertThat(json.at("/extra_data/autograder_error/detail").asText())
        .contains("refusing to grade hidden tests at isolation level PROCESS_ONLY");
    assertThat(log.toString())
        .contains("mlgrade gradescope: refusing to grade hidden tests")
        .doesNotContain("\tat ");
  }
}
