package org.mlgrade.reference.problems.conv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mlgrade.reference.GoldenVectors;
import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.StructuralComparison;
import org.mlgrade.reference.Tolerance;

/**
 * The reference against PyTorch ({@code reference/scripts/conv_golden.py}: real
 * {@code Conv2d}/{@code MaxPool2d}/{@code AvgPool2d} modules for chains, shape-only search over
 * every kernel and stride for the inverse question).
 */
class ConvGoldenTest {

  private static final ConvReference REFERENCE = new ConvReference();

  private static JsonNode golden() {
    return GoldenVectors.read("/golden/conv/conv_golden.json");
  }

  @Test
  void chainShapesAndCostsAgreeWithPyTorch() throws IOException {
    JsonNode chains = golden().get("chains");
    assertThat(chains.size()).isGreaterThanOrEqualTo(40);
    for (JsonNode node : chains) {
      Chain chain = Wire.MAPPER.treeToValue(node.get("input"), Chain.class);
      ChainShapes shapes = Wire.MAPPER.treeToValue(node.get("shapes"), ChainShapes.class);
      ChainCost costs = Wire.MAPPER.treeToValue(node.get("costs"), ChainCost.class);
      assertThat(StructuralComparison.compare(shapes, REFERENCE.outputShapes(chain),
          Tolerance.EXACT)).as("shapes of %s", chain).isEmpty();
      assertThat(StructuralComparison.compare(costs, REFERENCE.costs(chain), Tolerance.EXACT))
          .as("costs of %s", chain).isEmpty();
    }
  }

  @Test
  void inverseAnswersAreExactlyThoseOfPyTorch() throws IOException {
    AnyValidConv comparison = new AnyValidConv();
    for (JsonNode node : golden().get("searches")) {
      LayerSearch search = Wire.MAPPER.treeToValue(node.get("input"), LayerSearch.class);
      int depth = search.target().depth();
      ConvChoice canonical = choice(node.get("canonical"), depth);
      assertThat(REFERENCE.findConv(search)).as("canonical answer of %s", search)
          .isEqualTo(canonical);
      Set<ConvChoice> valid = new HashSet<>();
      for (JsonNode pair : node.get("valid")) {
        valid.add(choice(pair, depth));
      }
      // every (kernel, stride) in the searched range: accepted exactly when PyTorch says valid
      int maxKernel = Math.min(search.input().height(), search.input().width())
          + 2 * search.padding();
      int maxStride = Math.max(search.input().height(), search.input().width())
          + 2 * search.padding();
      for (int stride = 1; stride <= maxStride; stride += stride < 12 ? 1 : 17) {
        for (int kernel = 1; kernel <= maxKernel; kernel++) {
          ConvChoice answer = new ConvChoice(kernel, stride, depth);
          assertThat(comparison.compare(search, canonical, answer, Tolerance.EXACT).isEmpty())
              .as("%s for %s", answer, search).isEqualTo(valid.contains(answer));
        }
      }
    }
  }

  private static ConvChoice choice(JsonNode pair, int filters) {
    return new ConvChoice(pair.get(0).intValue(), pair.get(1).intValue(), filters);
  }

  @Test
  void goldenFileNamesItsGenerator() throws IOException {
    assertThat(golden().get("generator").asText()).isEqualTo("reference/scripts/conv_golden.py");
    assertThat(golden().get("searches").size()).isEqualTo(25);
  }
}
