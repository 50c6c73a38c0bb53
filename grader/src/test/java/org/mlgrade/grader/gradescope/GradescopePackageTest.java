package org.mlgrade.grader.gradescope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autograder zip end to end, the way Gradescope uses it: {@code mlgrade.jar package-gradescope}
 * builds it, it is unzipped into a directory laid out like {@code /autograder} ({@code setup.sh} is
 * not run: the JDK running this test is put first on the PATH), and {@code run_autograder} grades a
 * correct, a wrong, an empty, a README-only and a compiler-choking submission, and one whose
 * grading fails inside the grader. Every results.json is checked against Gradescope's format
 * ({@link ResultsSchema}).
 *
 * <p>Needs the packaged {@code mlgrade.jar} (system property {@code mlgrade.jar}, else {@code
 * target/mlgrade.jar}): it runs after {@code package}, in Failsafe.
 */
@Tag("e2e")
class GradescopePackageTest {

  private static final Path SAMPLES = Path.of("..", "submissions-sample");
  private static final int TESTS = 8;
  private static final long TIMEOUT_MINUTES = 5;

  @TempDir static Path shared;
  private static Path zip;

  @BeforeAll
  static void buildThePackage() throws Exception {
    Path jar = Path.of(System.getProperty("mlgrade.jar", "target/mlgrade.jar"));
    assumeTrue(Files.isRegularFile(jar), "needs the packaged " + jar + " (mvn package)");
    zip = shared.resolve("out/autograder.zip");
    Process process =
        new ProcessBuilder(
                java(),
                "-jar",
                jar.toString(),
                "package-gradescope",
                "--rubric",
                resource("/gradescope/small-rubric.yaml").toString(),
                "--out",
                zip.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(GradescopePackageTest.class.getResource(name).toURI());
  }

  @Test
  void zipHoldsTheScriptsExecutableWithLfTheJarAndTheRubricAtItsRoot() throws IOException {
    try (FileSystem fs =
        FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
      Path root = fs.getPath("/");
      try (Stream<Path> entries = Files.list(root)) {
        assertThat(entries.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("setup.sh", "run_autograder", "mlgrade.jar", "rubric.yaml");
      }
      for (String script : List.of("setup.sh", "run_autograder")) {
        Path entry = root.resolve(script);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)))
            .as(script)
            .isEqualTo("rwxr-xr-x");
        String text = Files.readString(entry);
        assertThat(text).as(script).startsWith("#!/usr/bin/env bash\n").doesNotContain("\r");
      }
      assertThat(Files.readString(root.resolve("setup.sh")))
          .contains("openjdk-17-jdk-headless")
          .contains("bubblewrap");
      assertThat(Files.readString(root.resolve("run_autograder")))
          .contains("chmod -R o= \"$ROOT/source\"")
          .contains("gradescope --root");
      assertThat(Files.readString(root.resolve("rubric.yaml")))
          .isEqualTo(Files.readString(resource("/gradescope/small-rubric.yaml")));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Unzips the package into ROOT/source, makes ROOT/submission, and runs run_autograder. */
  private static JsonNode runAutograder(Path root, Map<String, String> environment)
      throws Exception {
    Path source = Files.createDirectories(root.resolve("source"));
    Files.createDirectories(root.resolve("submission"));
    try (FileSystem fs =
        FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
      try (Stream<Path> entries = Files.list(fs.getPath("/"))) {
        for (Path entry : entries.toList()) {
          Path target = source.resolve(entry.getFileName().toString());
          Files.copy(entry, target);
          Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(entry));
        }
      }
    }
    Files.writeString(
        root.resolve("submission_metadata.json"),
        """
        {"id": 42, "created_at": "2026-11-30T10:00:00Z",
         "assignment": {"title": "HW e2e", "due_date": "2026-12-01T23:59:00Z"},
         "users": [{"name": "Ada Lovelace", "email": "ada@example.com", "id": 7}]}
        """);
    ProcessBuilder builder =
        new ProcessBuilder(source.resolve("run_autograder").toString())
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("stdout").toFile());
    builder.environment().put("MLGRADE_AUTOGRADER_ROOT", root.toString());
    builder
        .environment()
        .put(
            "PATH",
            Path.of(System.getProperty("java.home"), "bin")
                + File.pathSeparator
                + builder.environment().getOrDefault("PATH", ""));
    builder.environment().putAll(environment);
    Process process = builder.start();
    assertThat(process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)).isTrue();
    String stdout = Files.readString(root.resolve("stdout"));
    assertThat(process.exitValue()).as(stdout).isZero();
    Path results = root.resolve("results/results.json");
    assertThat(ResultsSchema.violations(results)).as(stdout).isEmpty();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(source)))
        .endsWith("---");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("results"))))
        .isEqualTo("rwx------");
    JsonNode json = new ObjectMapper().readTree(results.toFile());
    assertThat(json.at("/extra_data/submission_metadata/users/0/name").asText())
        .isEqualTo("Ada Lovelace");
    assertThat(json.at("/extra_data/submission_metadata/assignment/title").asText())
        .isEqualTo("HW e2e");
    return json;
  }

  private static List<String> texts(JsonNode tests, String field) {
    List<String> values = new ArrayList<>();
    tests.forEach(test -> values.add(test.get(field).asText()));
    return values;
  }

  /** The visibilities small-rubric.yaml gives its eight tests, in order. */
  private static void assertRubricVisibilities(JsonNode json) {
    assertThat(texts(json.get("tests"), "visibility"))
        .containsExactly(
            "visible",
            "visible",
            "visible",
            "visible",
            "after_due_date",
            "after_due_date",
            "after_published",
            "hidden");
    assertThat(json.get("stdout_visibility").asText()).isEqualTo("after_due_date");
  }

  private static Path conv(String sample) {
    return SAMPLES.resolve(sample).resolve("src/hw/ConvSolution.java");
  }

  @Test
  void correctSubmissionGetsFullMarks(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("submission/hw"));
    Files.copy(conv("correct"), root.resolve("submission/hw/ConvSolution.java"));

    JsonNode json = runAutograder(root, Map.of());

    assertThat(json.get("score").asDouble()).isEqualTo(6.0);
    assertThat(texts(json.get("tests"), "status")).hasSize(TESTS).containsOnly("passed");
    assertRubricVisibilities(json);
    assertThat(json.at("/extra_data/autograder_error").isMissingNode()).isTrue();
  }

  @Test
  void wrongSubmissionLosesPointsAndNamesTheMistake(@TempDir Path root) throws Exception {
    String correct = Files.readString(conv("correct"));
    String ceil = "(size + 2 * p - k) / s + 1";
    assertThat(correct).as("the sample's formula this test rewrites").contains(ceil);
    Files.createDirectories(root.resolve("submission/hw"));
    Files.writeString(
        root.resolve("submission/hw/ConvSolution.java"),
        correct.replace(ceil, "(size + 2 * p - k + s - 1) / s + 1"));

    JsonNode json = runAutograder(root, Map.of());

    assertThat(json.get("score").asDouble()).isLessThan(6.0);
    assertThat(texts(json.get("tests"), "status")).hasSize(TESTS).contains("failed");
    assertThat(json.toString()).contains("mistake:ceil-output");
    assertRubricVisibilities(json);
  }

  @Test
  void emptySubmissionListsEveryTestAtZeroAndSaysThereWereNoSources(@TempDir Path root)
      throws Exception {
    JsonNode json = runAutograder(root, Map.of());

    assertThat(json.get("score").asDouble()).isZero();
    assertThat(texts(json.get("tests"), "status")).hasSize(TESTS).containsOnly("failed");
    assertThat(json.get("output").asText()).contains("no .java source files");
    assertRubricVisibilities(json);
  }

  @Test
  void readmeOnlySubmissionIsTheSame(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("submission"));
    Files.writeString(root.resolve("submission/README.md"), "# My homework\nSee attached.\n");

    JsonNode json = runAutograder(root, Map.of());

    assertThat(json.get("score").asDouble()).isZero();
    assertThat(json.get("tests")).hasSize(TESTS);
    assertThat(json.get("output").asText())
        .contains("no .java source files")
        .contains("1 other files were ignored");
  }

  @Test
  void sourceTheCompilerChokesOnIsTheStudentsScoredFailure(@TempDir Path root) throws Exception {
    // 20000 nested parentheses overflow javac's recursive parser.
    Files.createDirectories(root.resolve("submission/hw"));
    Files.writeString(
        root.resolve("submission/hw/Deep.java"),
        "package hw; class Deep { int x = "
            + "(".repeat(20_000)
            + "1"
            + ")".repeat(20_000)
            + "; }");

    JsonNode json = runAutograder(root, Map.of());

    assertThat(json.get("score").asDouble()).isZero();
    assertThat(json.get("tests")).hasSize(TESTS);
    assertThat(json.at("/extra_data/autograder_error").isMissingNode()).isTrue();
  }

  @Test
  void failureInsideTheGraderListsEveryTestAndBlamesTheAutograder(@TempDir Path root)
      throws Exception {
    Files.createDirectories(root.resolve("submission/hw"));
    Files.copy(conv("correct"), root.resolve("submission/hw/ConvSolution.java"));
    // The grader's work directory cannot be made: an internal failure, not the student's.
    Path missing = root.resolve("no-such-tmp");

    JsonNode json = runAutograder(root, Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + missing));

    assertThat(json.get("score").asDouble()).isZero();
    assertThat(texts(json.get("tests"), "status")).hasSize(TESTS).containsOnly("failed");
    double max = 0;
    for (JsonNode test : json.get("tests")) {
      max += test.get("max_score").asDouble();
      assertThat(test.get("output").asText()).contains("not of your submission");
    }
    assertThat(max).isCloseTo(6.0, Offset.offset(1e-5));
    assertThat(json.get("output").asText()).contains("fault of the autograder");
    assertThat(json.at("/extra_data/autograder_error/reason").asText())
        .contains("the grader failed");
    assertRubricVisibilities(json);
  }

  @Test
  void aJreInsteadOfAJdkListsEveryTestAndSaysSo(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("submission/hw"));
    Files.copy(conv("correct"), root.resolve("submission/hw/ConvSolution.java"));
    // Without the jdk.compiler module, the JDK running the grader has no compiler: a JRE.
    JsonNode json = runAutograder(root, Map.of("JDK_JAVA_OPTIONS", "--limit-modules java.se"));

    assertThat(json.get("score").asDouble()).isZero();
    assertThat(texts(json.get("tests"), "status")).hasSize(TESTS).containsOnly("failed");
    assertThat(json.get("output").asText())
        .contains("has no Java compiler: it is a JRE")
        .contains("fault of the autograder");
    assertRubricVisibilities(json);
  }
}
