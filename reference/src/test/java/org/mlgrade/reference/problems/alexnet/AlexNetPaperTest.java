package org.mlgrade.reference.problems.alexnet;

import org.mlgrade.api.Shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.alexnet.Architecture;
import org.mlgrade.api.alexnet.CountTable;
import org.mlgrade.api.alexnet.LayerCounts;
import org.mlgrade.api.alexnet.LayerInput;
import org.mlgrade.api.alexnet.LayerSpec;
import org.mlgrade.api.alexnet.LayerType;

/**
 * The table of Krizhevsky, Sutskever and Hinton (2012) as given in the homework issue, the
 * paper's abstract (650,000 neurons, 60 million parameters) and torchvision's documented
 * parameter count of its AlexNet.
 */
class AlexNetPaperTest {

  private final AlexNetReference reference = new AlexNetReference();

  /** {units, weights, connections} of conv1 ... output, from the issue. */
  static final long[][] PAPER = {
      {290_400, 34_848, 105_415_200},
      {186_624, 307_200, 223_948_800},
      {64_896, 884_736, 149_520_384},
      {64_896, 663_552, 112_140_288},
      {43_264, 442_368, 74_760_192},
      {4_096, 37_748_736, 37_748_736},
      {4_096, 16_777_216, 16_777_216},
      {1_000, 4_096_000, 4_096_000}};

  @Test
  void alexNetTableIsReproducedExactly() {
    CountTable table = reference.table(AlexNetGenerators.alexNet());
    assertThat(table.layers()).hasSize(8);
    for (int i = 0; i < PAPER.length; i++) {
      LayerCounts row = table.layers().get(i);
      assertThat(new long[] {row.units(), row.weights(), row.connections()})
          .as("layer %d", i + 1).containsExactly(PAPER[i]);
    }
  }

  @Test
  void totalsAreTheSumsAndMatchTheAbstract() {
    CountTable table = reference.table(AlexNetGenerators.alexNet());
    // 290,400 + 186,624 + 2 * 64,896 + 43,264 + 2 * 4,096 + 1,000 = 659,272
    assertThat(table.units()).isEqualTo(659_272L);
    // 34,848 + 307,200 + 884,736 + 663,552 + 442,368 + 37,748,736 + 16,777,216 + 4,096,000
    assertThat(table.weights()).isEqualTo(60_954_656L);
    // 105,415,200 + 223,948,800 + 149,520,384 + 112,140,288 + 74,760,192 + 37,748,736
    //   + 16,777,216 + 4,096,000
    assertThat(table.connections()).isEqualTo(724_406_816L);
    // abstract: "60 million parameters and 650,000 neurons"
    assertThat((double) table.units()).isCloseTo(650_000, withinPercentage(2));
    assertThat((double) table.weights()).isCloseTo(60_000_000, withinPercentage(2));
  }

  @Test
  void conv2WeightsUseTheTwoGpuSplit() {
    // pool of conv1: floor((55-3)/2)+1 = 27; conv2: (27+4-5)/1+1 = 27; 5*5*(96/2)*256 = 307,200
    LayerCounts conv2 = reference.layerCounts(AlexNetGenerators.alexNetLayerInputs().get(1));
    assertThat(conv2.output()).isEqualTo(new Shape(27, 27, 256));
    assertThat(conv2.pooled()).isEqualTo(new Shape(13, 13, 256));
    assertThat(conv2.weights()).isEqualTo(5 * 5 * 48 * 256);
    assertThat(conv2.connections()).isEqualTo(186_624L * 1_200);
  }

  @Test
  void conv1NeedsThe227Input() {
    // (227-11)/4+1 = 55; pooled floor((55-3)/2)+1 = 27
    LayerCounts conv1 = reference.layerCounts(AlexNetGenerators.alexNetLayerInputs().get(0));
    assertThat(conv1.output()).isEqualTo(new Shape(55, 55, 96));
    assertThat(conv1.pooled()).isEqualTo(new Shape(27, 27, 96));
  }

  @Test
  void fc1SeesThePooledConv5() {
    // conv5 13x13x256 -> pool floor((13-3)/2)+1 = 6 -> 6*6*256 = 9,216 inputs * 4,096
    CountTable table = reference.table(AlexNetGenerators.alexNet());
    assertThat(table.layers().get(4).pooled()).isEqualTo(new Shape(6, 6, 256));
    assertThat(table.layers().get(5).weights()).isEqualTo(9_216L * 4_096);
    assertThat(table.layers().get(5).output()).isEqualTo(new Shape(1, 1, 4096));
  }

  @Test
  void torchvisionAlexNetHasItsDocumentedParameterCount() {
    // torchvision's model card: alexnet has 61,100,840 parameters (weights and biases); the
    // biases are one per filter or unit: 64+192+384+256+256+4096+4096+1000 = 10,344
    CountTable table = reference.table(AlexNetGenerators.torchvisionAlexNet());
    assertThat(table.weights() + 10_344).isEqualTo(61_100_840L);
  }

  @Test
  void leNetCountsByHand() {
    // c1: 28x28x6 = 4,704 units, 5*5*1*6 = 150 weights, 4,704*25 = 117,600 connections;
    // pool -> 14x14x6; c3: 10x10x16 = 1,600 units, 5*5*6*16 = 2,400 weights, 1,600*150 =
    // 240,000; pool -> 5x5x16 = 400 inputs; f5 400*120 = 48,000; f6 120*84 = 10,080;
    // output 84*10 = 840
    CountTable table = reference.table(AlexNetGenerators.leNet());
    assertThat(table.layers()).extracting(LayerCounts::units)
        .containsExactly(4_704L, 1_600L, 120L, 84L, 10L);
    assertThat(table.layers()).extracting(LayerCounts::weights)
        .containsExactly(150L, 2_400L, 48_000L, 10_080L, 840L);
    assertThat(table.layers()).extracting(LayerCounts::connections)
        .containsExactly(117_600L, 240_000L, 48_000L, 10_080L, 840L);
  }

  @Test
  void layersThatDoNotFitAreClearIllegalArguments() {
    assertThatThrownBy(() -> reference.layerCounts(new LayerInput(new Shape(4, 4, 3),
        LayerSpec.conv("big", 8, 7, 1, 1, 1)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("big").hasMessageContaining("4x4x3");
    assertThatThrownBy(() -> reference.layerCounts(new LayerInput(new Shape(4, 4, 3),
        LayerSpec.conv("pooled", 8, 3, 1, 0, 1).pooled(3, 2))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2x8");
    // conv1 gives 96 maps; 5 groups do not divide them
    Architecture badGroups = new Architecture(new Shape(227, 227, 3), List.of(
        LayerSpec.conv("conv1", 96, 11, 4, 0, 1), LayerSpec.conv("conv2", 10, 5, 1, 2, 5)));
    assertThatThrownBy(() -> reference.table(badGroups))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conv2")
        .hasMessageContaining("96");
    assertThatThrownBy(() -> new LayerInput(new Shape(5, 5, 3), LayerSpec.conv("g", 4, 1, 1, 0,
        2))).hasMessageContaining("input depth 3");
    assertThatThrownBy(() -> LayerSpec.conv("g", 5, 1, 1, 0, 2)).hasMessageContaining("5 filters");
    assertThatThrownBy(() -> new LayerSpec("fc", LayerType.FC, 3, 0, 0,
        10, 1, 0, 0)).hasMessageContaining("FC layer");
  }
}
