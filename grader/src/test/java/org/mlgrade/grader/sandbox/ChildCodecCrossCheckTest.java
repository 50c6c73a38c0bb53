package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.Shape;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.harness.JsonWriter;
import org.mlgrade.harness.ValueDecoder;
import org.mlgrade.harness.ValueEncoder;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemRegistry;

/**
 * The child's hand-written JSON codec against Jackson ({@link Wire}, what the grader reads and
 * writes with), on every test of every bundled rubric, without a child JVM: each input as the
 * grader encodes it decodes in the child to the value Jackson decodes, and each reference answer as
 * the child would send it reads back through the grader's strict mapper as the same value. The plan
 * writes the inputs with the child's encoder: Jackson reads each as the input's own tree. Both
 * comparisons are of Jackson's trees, where doubles compare exactly (NaN equal to itself, -0.0 not
 * equal to 0.0).
 */
class ChildCodecCrossCheckTest {

  private static final Path RUBRICS = Path.of("..", "rubrics");

  private static List<Path> bundledRubrics() throws Exception {
    try (Stream<Path> files = Files.list(RUBRICS)) {
      return files
          .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  @Test
  void everyInputAndEveryReferenceAnswerCrossesAsJacksonSeesIt() throws Exception {
    List<Path> files = bundledRubrics();
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    RubricLoader loader = new RubricLoader(ProblemRegistry.standard());
    int checked = 0;
    for (Path file : files) {
      Rubric rubric = loader.load(file);
      for (GradingPlan.PlannedTest test : GradingPlan.of(rubric).tests()) {
        Problem<?, ?, ?> problem = test.question().problem();
        String where = file.getFileName() + " " + test.call().key() + " " + test.test().name();
        String inputJson = test.call().inputJson();
        byte[] input = inputJson.getBytes(StandardCharsets.UTF_8);

        // The plan writes inputs with the child's encoder: Jackson reads them as the input's tree.
        assertThat(Wire.MAPPER.readTree(inputJson)).as(where).isEqualTo(tree(test.test().input()));
        Object decoded = ValueDecoder.decode(input, 0, input.length, problem.inputType());
        Object byJackson = Wire.MAPPER.readValue(inputJson, problem.inputType());
        assertThat(decoded).as(where).isInstanceOf(problem.inputType());
        assertThat(tree(decoded)).as(where).isEqualTo(tree(byJackson));

        String answer = ValueEncoder.encode(test.expected(), test.call().maxAnswerChars());
        Object readBack = Wire.MAPPER.readValue(answer, problem.outputType());
        assertThat(tree(readBack)).as(where).isEqualTo(tree(test.expected()));
        checked++;
      }
    }
    // The default rubric alone has 184 tests.
    assertThat(checked).isGreaterThan(184);
  }

  private static JsonNode tree(Object value) {
    return Wire.MAPPER.valueToTree(value);
  }

  /** A student's list whose iterator never ends. */
  static final class EndlessList extends AbstractList<Object> {
    @Override
    public Object get(int index) {
      return index;
    }

    @Override
    public int size() {
      return 1;
    }

    @Override
    public Iterator<Object> iterator() {
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return true;
        }

        @Override
        public Object next() {
          return new Shape(1, 1, 1);
        }
      };
    }
  }

  /** A student's list whose iterator throws. */
  static final class ThrowingList extends AbstractList<Object> {
    @Override
    public Object get(int index) {
      throw new ArithmeticException("/ by zero");
    }

    @Override
    public int size() {
      return 1;
    }
  }

  /**
   * A value holding a student's list. (The API's answer records copy their lists and cast each
   * element, so {@code new ChainShapes((List) List.of(studentList))} already throws in the
   * student's code; the encoder is checked on the list itself.)
   */
  private static List<Object> holding(List<?> studentList) {
    return List.of(new Shape(2, 2, 1), studentList);
  }

  @Test
  void hostileReturnedValuesEndAsScoredFailures() {
    List<Object> selfContaining = new ArrayList<>();
    selfContaining.add(selfContaining);

    // Endless: gives up at the test's bound (ANSWER_TOO_LARGE in the harness).
    assertThatThrownBy(() -> ValueEncoder.encode(holding(new EndlessList()), 100_000))
        .isInstanceOf(JsonWriter.Overflow.class)
        .hasMessage("more than 100000 characters of JSON");
    // Self-containing: gives up at the depth limit, not with a StackOverflowError.
    assertThatThrownBy(() -> ValueEncoder.encode(holding(selfContaining), 100_000))
        .isInstanceOf(JsonWriter.Overflow.class)
        .hasMessageContaining("nests more than " + JsonWriter.MAX_DEPTH);
    // Throwing: the student's own exception (THREW in the harness, with the student's frames).
    assertThatThrownBy(() -> ValueEncoder.encode(holding(new ThrowingList()), 100_000))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("/ by zero");
  }
}
