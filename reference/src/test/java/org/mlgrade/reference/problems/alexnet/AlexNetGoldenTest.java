package org.mlgrade.reference.problems.alexnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.mlgrade.reference.GoldenVectors;
import org.mlgrade.api.alexnet.Architecture;
import org.mlgrade.api.alexnet.CountTable;
import org.mlgrade.api.alexnet.LayerCounts;
import org.mlgrade.api.alexnet.LayerInput;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.StructuralComparison;
import org.mlgrade.reference.Tolerance;

/**
 * The reference against PyTorch ({@code reference/scripts/alexnet_golden.py}: real grouped
 * {@code Conv2d}, {@code MaxPool2d} and {@code Linear} modules; weights = {@code weight.numel()},
 * connections = units * {@code weight[0].numel()}).
 */
class AlexNetGoldenTest {

  private static final AlexNetReference REFERENCE = new AlexNetReference();

  private static JsonNode golden() {
    return GoldenVectors.read("/golden/alexnet/alexnet_golden.json");
  }

  @Test
  void tablesAgreeWithPyTorch() throws IOException {
    JsonNode tables = golden().get("tables");
    assertThat(tables.size()).isEqualTo(34);
    // the first golden network is the paper's AlexNet
    assertThat(Wire.MAPPER.treeToValue(tables.get(0).get("input"), Architecture.class))
        .isEqualTo(AlexNetGenerators.alexNet());
    for (JsonNode node : tables) {
      Architecture architecture = Wire.MAPPER.treeToValue(node.get("input"), Architecture.class);
      CountTable expected = Wire.MAPPER.treeToValue(node.get("expected"), CountTable.class);
      assertThat(StructuralComparison.compare(expected, REFERENCE.table(architecture),
          Tolerance.EXACT)).as("table of %s", architecture).isEmpty();
    }
  }

  @Test
  void singleLayersAgreeWithPyTorch() throws IOException {
    JsonNode layers = golden().get("layers");
    assertThat(layers.size()).isGreaterThan(100);
    for (JsonNode node : layers) {
      LayerInput in = Wire.MAPPER.treeToValue(node.get("input"), LayerInput.class);
      LayerCounts expected = Wire.MAPPER.treeToValue(node.get("expected"), LayerCounts.class);
      assertThat(REFERENCE.layerCounts(in)).as("%s", in).isEqualTo(expected);
    }
  }
}
