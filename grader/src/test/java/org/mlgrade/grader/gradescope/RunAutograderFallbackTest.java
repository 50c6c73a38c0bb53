package org.mlgrade.grader.gradescope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run_autograder} writes a valid results.json when the grader's JVM dies without one (the
 * container's memory limit, or a submission at {@code PROCESS_ONLY} that kills its parent): the
 * script runs with a fake {@code java} first on the PATH that dies the way the grader would.
 * Subprocesses, hence end to end.
 */
@Tag("e2e")
class RunAutograderFallbackTest {

  @TempDir Path root;

  /**
   * Lays out ROOT like {@code /autograder} with the packaged script, puts a {@code java} running
   * {@code body} first on the PATH, runs the script and returns its exit status.
   */
  private int runWithFakeJava(String body) throws Exception {
    Path source = Files.createDirectories(root.resolve("source"));
    Files.createDirectories(root.resolve("submission"));
    Path script = source.resolve("run_autograder");
    try (InputStream in = Autograder.class.getResourceAsStream("run_autograder")) {
      Files.copy(in, script);
    }
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path bin = Files.createDirectories(root.resolve("fake-bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/usr/bin/env bash\n" + body + "\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    ProcessBuilder builder =
        new ProcessBuilder(script.toString())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("stdout").toFile());
    builder.environment().put("MLGRADE_AUTOGRADER_ROOT", root.toString());
    builder
        .environment()
        .put(
            "PATH",
            bin + File.pathSeparator + builder.environment().getOrDefault("PATH", "/usr/bin:/bin"));
    Process process = builder.start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return process.exitValue();
  }

  private JsonNode results() throws Exception {
    Path file = root.resolve("results/results.json");
    assertThat(ResultsSchema.violations(file)).as(Files.readString(file)).isEmpty();
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void aGraderKilledMidRunLeavesAResultsFileThatAsksForARegrade() throws Exception {
    int status = runWithFakeJava("kill -KILL $$");

    assertThat(status).isEqualTo(128 + 9);
    JsonNode json = results();
    assertThat(json.get("score").asDouble()).isZero();
    assertThat(json.get("output").asText())
        .contains("killed by signal 9")
        .contains("must regrade this submission");
    assertThat(json.at("/extra_data/autograder_error/reason").asText())
        .contains("regrade this submission manually");
    assertThat(json.at("/extra_data/autograder_error/detail").asText()).contains("exit status 137");
    assertThat(root.resolve("results").toFile().list()).containsExactly("results.json");
  }

  @Test
  void aGraderThatExitsWithoutResultsIsTheSame() throws Exception {
    assertThat(runWithFakeJava("exit 3")).isEqualTo(3);

    assertThat(results().get("output").asText()).contains("exited with status 3");
  }

  @Test
  void resultsWrittenBeforeTheGraderDiedAreKept() throws Exception {
    String written = "{\"score\": 5, \"output\": \"graded\", \"tests\": []}";
    runWithFakeJava(
        "printf '%s' '"
            + written
            + "' > \"$MLGRADE_AUTOGRADER_ROOT/results/"
            + "results.json\"; kill -KILL $$");

    assertThat(Files.readString(root.resolve("results/results.json"))).isEqualTo(written);
  }
}
