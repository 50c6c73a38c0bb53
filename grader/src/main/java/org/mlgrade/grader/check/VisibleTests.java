package org.mlgrade.grader.check;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.mlgrade.grader.rubric.Limits;
import org.mlgrade.grader.sandbox.SandboxLimits;
import org.mlgrade.harness.Wire;

/**
 * What the self-check knows of a rubric, stored in the handout as {@code visible-tests.json}:
 * the visible tests only, each with its input, the expected answer and the answer each known
 * mistake gives, and of the other tests only how many there are and the points they carry.
 * Values are in the wire format ({@code org.mlgrade.harness.Wire}).
 *
 * @param assignment the assignment's name
 * @param limits the sandbox limits grading uses
 * @param staticChecks the static-check rules grading applies
 * @param questions every question of the rubric, in order
 */
public record VisibleTests(
    String assignment,
    LimitsData limits,
    @JsonProperty("static_checks") List<String> staticChecks,
    List<QuestionData> questions) {


  /** The name of the file in the handout. */
  public static final String FILE_NAME = "visible-tests.json";

  /** The comparison id of a problem compared field by field. */
  public static final String STRUCTURAL = "structural";

  /**
   * The comparison id of a problem whose comparison needs reference code (any valid answer is
   * accepted, and validity takes the reference to check): the self-check decides only answers
   * equal to the expected one or to a known mistake's.
   */
  public static final String REFERENCE_ONLY = "reference-only";

  public VisibleTests {
    staticChecks = List.copyOf(staticChecks);
    questions = List.copyOf(questions);
  }

  /**
   * The rubric's sandbox limits.
   *
   * @param perTestMillis wall time of one test call
   * @param totalMillis wall time of all calls
   * @param heapMb the child's heap
   * @param outputBytes output kept per test
   */
  public record LimitsData(
      @JsonProperty("per_test_millis") long perTestMillis,
      @JsonProperty("total_millis") long totalMillis,
      @JsonProperty("heap_mb") int heapMb,
      @JsonProperty("output_bytes") int outputBytes) {

    /** The limits of {@code limits}. */
    public static LimitsData of(Limits limits) {
      return new LimitsData(limits.perTest().toMillis(), limits.total().toMillis(),
          limits.heapMegabytes(), limits.outputBytes());
    }

    /** These limits as the sandbox takes them. */
    public SandboxLimits toLimits() {
      return new SandboxLimits(Duration.ofMillis(perTestMillis), Duration.ofMillis(totalMillis), heapMb,
          outputBytes);
    }
  }

  /**
   * One question.
   *
   * @param id the question's id
   * @param title its title
   * @param points its points
   * @param problem the problem id
   * @param solverInterface the API interface the student implements
   * @param method the interface method the tests call
   * @param inputType the method's parameter type
   * @param outputType the method's return type
   * @param comparison {@link #STRUCTURAL}, {@link #REFERENCE_ONLY}, or the class name of the
   *     problem's comparison relative to the package of {@code Comparison}
   * @param abs the absolute tolerance
   * @param rel the relative tolerance
   * @param scoring per_test, proportional or all_or_nothing
   * @param mistakeCredit the share of a test's points each named mistake earns
   * @param tests the visible tests
   * @param otherTests how many tests are not visible
   * @param otherPoints the points those tests carry
   */
  public record QuestionData(
      String id,
      String title,
      double points,
      String problem,
      @JsonProperty("interface") String solverInterface,
      String method,
      @JsonProperty("input_type") String inputType,
      @JsonProperty("output_type") String outputType,
      String comparison,
      double abs,
      double rel,
      String scoring,
      @JsonProperty("mistake_credit") Map<String, Double> mistakeCredit,
      List<TestData> tests,
      @JsonProperty("other_tests") int otherTests,
      @JsonProperty("other_points") double otherPoints) {

    public QuestionData {
      mistakeCredit = Map.copyOf(mistakeCredit);
      tests = List.copyOf(tests);
    }
  }

  /**
   * One visible test.
   *
   * @param name its name
   * @param maxScore its points, as grading computes them
   * @param input the input
   * @param expected the reference's answer
   * @param mistakes the known mistakes that give a wrong answer here, in the problem's order
   */
  public record TestData(
      String name,
      @JsonProperty("max_score") double maxScore,
      JsonNode input,
      JsonNode expected,
      List<MistakeData> mistakes) {

    public TestData {
      mistakes = List.copyOf(mistakes);
    }
  }

  /**
   * A known mistake's answer to one test.
   *
   * @param id the mistake's id
   * @param description what went wrong, for the student
   * @param answer the answer the mistake gives
   * @param partsCredit under per-part scoring, the share of the test's points grading gives this
   *     answer for its right parts (0 otherwise)
   */
  public record MistakeData(String id, String description, JsonNode answer,
      @JsonProperty("parts_credit") double partsCredit) {}

  /** Writes this as JSON to {@code file}. */
  public void write(Path file) throws IOException {
    Wire.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
  }

  /** Reads the file {@link #write} wrote. */
  public static VisibleTests read(Path file) throws IOException {
    return Wire.MAPPER.readValue(file.toFile(), VisibleTests.class);
  }

  /** The points of the tests that are not visible, over all questions. */
  public double otherPoints() {
    return questions.stream().mapToDouble(QuestionData::otherPoints).sum();
  }

  /** How many tests are not visible, over all questions. */
  public int otherTests() {
    return questions.stream().mapToInt(QuestionData::otherTests).sum();
  }
}
