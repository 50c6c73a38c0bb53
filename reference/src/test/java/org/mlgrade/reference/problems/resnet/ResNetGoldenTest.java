package org.mlgrade.reference.problems.resnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mlgrade.reference.GoldenVectors;
import org.mlgrade.api.resnet.BatchNormInput;
import org.mlgrade.api.resnet.BatchNormOutput;
import org.mlgrade.api.resnet.BlockInput;
import org.mlgrade.api.resnet.BlockOutput;
import org.mlgrade.api.resnet.Mode;
import org.mlgrade.api.resnet.ShallowNetInput;
import org.mlgrade.api.resnet.ShallowNetOutput;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.StructuralComparison;
import org.mlgrade.reference.Tolerance;

/**
 * The reference and its known mistakes against PyTorch 1.13 in float64: golden vectors made by
 * {@code reference/scripts/resnet_golden.py} (torch.nn.BatchNorm2d, Conv2d, MaxPool2d,
 * AdaptiveAvgPool2d, Linear modules; the mistakes written with torch operations). Agreement is
 * required to 1e-12 relative plus 1e-12 absolute.
 */
class ResNetGoldenTest {

  private static final Tolerance PYTORCH = new Tolerance(1e-12, 1e-12);

  private static final Map<String, Problem<?, ?, ?>> PROBLEMS = Map.of(
      "batch_norm.json", problem("resnet.batch-norm"),
      "basic_block.json", problem("resnet.basic-block"),
      "shallow_net.json", problem("resnet.shallow-net"));

  private static Problem<?, ?, ?> problem(String id) {
    return ResNetProblems.all().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<JsonNode> cases(String file) throws IOException {
    JsonNode root = GoldenVectors.read("/golden/resnet/" + file);
    assertThat(root.get("generator").asText()).isEqualTo("reference/scripts/resnet_golden.py");
    List<JsonNode> cases = new ArrayList<>();
    root.get("cases").forEach(cases::add);
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> referenceAgreesWithPyTorch() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : List.of("batch_norm.json", "basic_block.json", "shallow_net.json")) {
      for (JsonNode golden : cases(file)) {
        tests.add(DynamicTest.dynamicTest(file + " " + golden.get("name").asText(),
            () -> checkReference(PROBLEMS.get(file), golden)));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> knownMistakesGiveTheWrongAnswerPyTorchGives() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String file : List.of("batch_norm.json", "basic_block.json", "shallow_net.json")) {
      for (JsonNode golden : cases(file)) {
        Iterator<String> ids = golden.get("mistakes").fieldNames();
        while (ids.hasNext()) {
          String id = ids.next();
          tests.add(DynamicTest.dynamicTest(file + " " + golden.get("name").asText() + " " + id,
              () -> checkMistake(PROBLEMS.get(file), golden, id)));
        }
      }
    }
    return tests.stream();
  }

  private static <S, I, O> void checkReference(Problem<S, I, O> problem, JsonNode golden)
      throws IOException {
    I input = Wire.MAPPER.treeToValue(golden.get("input"), problem.inputType());
    O expected = Wire.MAPPER.treeToValue(golden.get("expected"), problem.outputType());
    assertThat(StructuralComparison.compare(expected, problem.expected(input), PYTORCH)).isEmpty();
  }

  private static <S, I, O> void checkMistake(Problem<S, I, O> problem, JsonNode golden, String id)
      throws IOException {
    I input = Wire.MAPPER.treeToValue(golden.get("input"), problem.inputType());
    O expected = Wire.MAPPER.treeToValue(golden.get("expected"), problem.outputType());
    O wrong = Wire.MAPPER.treeToValue(golden.get("mistakes").get(id), problem.outputType());
    KnownMistake<S> mistake = problem.knownMistakes().stream()
        .filter(m -> m.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError(problem.id() + " lists no mistake " + id));
    // the mistake reproduces PyTorch's wrong answer ...
    assertThat(StructuralComparison.compare(wrong, problem.call().apply(mistake.solver(), input),
        PYTORCH)).isEmpty();
    // ... which, where it differs from the right one, the grader rejects and names
    if (!problem.compare(input, expected, wrong, Tolerance.DEFAULT).isEmpty()) {
      assertThat(problem.diagnose(input, expected, wrong, Tolerance.DEFAULT).matchIds())
          .contains(id);
    }
  }

  /**
   * Some cases cannot tell a mistake from the right answer (a flipped kernel on a 1x1 image, a
   * misplaced ReLU when every value is positive); every mistake in the golden files must be told
   * apart in at least one case.
   */
  @Test
  void everyGoldenMistakeDiffersFromPyTorchSomewhere() throws IOException {
    for (String file : List.of("batch_norm.json", "basic_block.json", "shallow_net.json")) {
      Map<String, Boolean> seen = new TreeMap<>();
      for (JsonNode golden : cases(file)) {
        Iterator<String> ids = golden.get("mistakes").fieldNames();
        while (ids.hasNext()) {
          String id = ids.next();
          seen.merge(id, differs(PROBLEMS.get(file), golden, id), Boolean::logicalOr);
        }
      }
      assertThat(seen).as(file).isNotEmpty().doesNotContainValue(false);
    }
  }

  private static <S, I, O> boolean differs(Problem<S, I, O> problem, JsonNode golden, String id)
      throws IOException {
    I input = Wire.MAPPER.treeToValue(golden.get("input"), problem.inputType());
    O expected = Wire.MAPPER.treeToValue(golden.get("expected"), problem.outputType());
    O wrong = Wire.MAPPER.treeToValue(golden.get("mistakes").get(id), problem.outputType());
    return !problem.compare(input, expected, wrong, Tolerance.DEFAULT).isEmpty();
  }

  @Test
  void goldenCasesCoverTheEdgeCasesOfTheIssue() throws IOException {
    boolean singleImageTraining = false;
    boolean eval = false;
    boolean oddStem = false;
    for (JsonNode golden : cases("batch_norm.json")) {
      BatchNormInput input = Wire.MAPPER.treeToValue(golden.get("input"), BatchNormInput.class);
      singleImageTraining |= input.x().length == 1 && input.mode() == Mode.TRAINING;
      eval |= input.mode() == Mode.EVAL;
    }
    for (JsonNode golden : cases("shallow_net.json")) {
      ShallowNetInput input = Wire.MAPPER.treeToValue(golden.get("input"), ShallowNetInput.class);
      int h1 = (input.images()[0][0].length - 1) / 2 + 1;
      oddStem |= h1 % 2 == 1 && input.mode() == Mode.TRAINING;
    }
    assertThat(singleImageTraining).as("N = 1 with H * W > 1 in training mode").isTrue();
    assertThat(eval).as("eval mode").isTrue();
    assertThat(oddStem).as("odd stem output, dropped by the max-pool's floor").isTrue();
    // the other two files read with the strict wire format too
    for (JsonNode golden : cases("basic_block.json")) {
      Wire.MAPPER.treeToValue(golden.get("input"), BlockInput.class);
      Wire.MAPPER.treeToValue(golden.get("expected"), BlockOutput.class);
    }
    for (JsonNode golden : cases("shallow_net.json")) {
      Wire.MAPPER.treeToValue(golden.get("expected"), ShallowNetOutput.class);
    }
    for (JsonNode golden : cases("batch_norm.json")) {
      Wire.MAPPER.treeToValue(golden.get("expected"), BatchNormOutput.class);
    }
  }
}
