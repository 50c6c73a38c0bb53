package org.mlgrade.grader.rubric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.InputGenerator;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemRegistry;

/**
 * How much heap loading a large rubric takes: {@code write DIR BYTES} writes {@code big.json} and
 * {@code big.yaml} of about BYTES, explicit {@code kernel.gram-matrix} tests with generated inputs;
 * {@code load FILE} loads one and prints the time and the number of tests. Run it under decreasing
 * {@code -Xmx} to find the least heap a load needs ({@code grader/bench/rubric-heap.sh} does).
 */
public final class RubricLoadBenchmark {

  private RubricLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("write")) {
      write(Path.of(args[1]), Long.parseLong(args[2]));
      return;
    }
    if (args[0].equals("phases")) {
      for (int round = 0; round < 3; round++) {
        long t0 = System.nanoTime();
        String text = Files.readString(Path.of(args[1]));
        long t1 = System.nanoTime();
        LocatedTree tree = LocatedTree.parse(Path.of(args[1]), text);
        long t2 = System.nanoTime();
        new RubricReader(ProblemRegistry.standard(), Path.of(args[1]), tree).read();
        long t3 = System.nanoTime();
        System.out.printf(
            "read %.2f s, parse %.2f s, check %.2f s%n",
            (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
      }
      return;
    }
    long start = System.nanoTime();
    Rubric rubric = new RubricLoader(ProblemRegistry.standard()).load(Path.of(args[1]));
    int tests = rubric.questions().stream().mapToInt(q -> q.tests().size()).sum();
    System.out.printf("loaded %d tests in %.2f s%n", tests, (System.nanoTime() - start) / 1e9);
  }

  /** Writes {@code big.json} and {@code big.yaml}, each with as many tests as fit in BYTES. */
  private static void write(Path dir, long bytes) throws Exception {
    Problem<?, ?, ?> problem = ProblemRegistry.standard().find("kernel.gram-matrix").orElseThrow();
    List<JsonNode> inputs = new ArrayList<>();
    for (long size = 0; size < bytes; ) {
      int i = inputs.size();
      JsonNode tree =
          Wire.MAPPER.valueToTree(problem.generator().generate(InputGenerator.randomFor(7, i), i));
      inputs.add(tree);
      size += Wire.MAPPER.writeValueAsBytes(tree).length;
    }
    Files.createDirectories(dir);
    ObjectWriter json = Wire.MAPPER.writerWithDefaultPrettyPrinter();
    ObjectWriter yaml = new YAMLMapper().writer();
    for (var format : List.of(Map.entry("big.json", json), Map.entry("big.yaml", yaml))) {
      int lo = 1;
      int hi = inputs.size();
      while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (format.getValue().writeValueAsBytes(rubric(problem, inputs, mid)).length <= bytes) {
          lo = mid;
        } else {
          hi = mid - 1;
        }
      }
      Files.write(
          dir.resolve(format.getKey()),
          format.getValue().writeValueAsBytes(rubric(problem, inputs, lo)));
    }
  }

  private static JsonNode rubric(Problem<?, ?, ?> problem, List<JsonNode> inputs, int count) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode root = nodes.objectNode().put("assignment", "big");
    ObjectNode question =
        root.putArray("questions")
            .addObject()
            .put("id", "q1")
            .put("points", 1)
            .put("problem", problem.id())
            .put("scoring", "proportional");
    ArrayNode tests = question.putArray("tests");
    for (JsonNode input : inputs.subList(0, count)) {
      tests.addObject().set("input", input);
    }
    return root;
  }
}
