package org.mlgrade.reference.problems.alexnet;

import org.mlgrade.reference.Diagnosis;
import org.mlgrade.api.Shape;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mlgrade.api.alexnet.AlexNetCounts;
import org.mlgrade.api.alexnet.CountTable;
import org.mlgrade.api.alexnet.LayerCounts;
import org.mlgrade.api.alexnet.LayerInput;
import org.mlgrade.api.alexnet.LayerSpec;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemRegistry;

/** Each known mistake gives the wrong AlexNet numbers it is named for. */
class AlexNetMistakesTest {

  private static CountTable table(KnownMistake<AlexNetCounts> mistake) {
    return mistake.solver().table(AlexNetGenerators.alexNet());
  }

  @Test
  void ungroupedWeightsAreThoseOfTheIssue() {
    // 5*5*96*256 = 614,400; 3*3*384*384 = 1,327,104; 3*3*384*256 = 884,736
    CountTable table = table(AlexNetMistakes.UNGROUPED);
    assertThat(table.layers()).extracting(LayerCounts::weights).startsWith(34_848L, 614_400L,
        884_736L, 1_327_104L, 884_736L);
  }

  @Test
  void fc1WithoutPoolHas177209344Weights() {
    // 13*13*256*4096 = 177,209,344, a real student answer
    CountTable table = table(AlexNetMistakes.NO_POOL_AFTER_LAST_CONV);
    assertThat(table.layers().get(5).weights()).isEqualTo(177_209_344L);
    assertThat(table.layers().get(1).weights()).isEqualTo(307_200L);
  }

  @Test
  void countingBiasesAddsOnePerFilter() {
    // conv1: (363 + 1) * 96 = 34,944; fc1: (9,216 + 1) * 4,096 = 37,752,832
    CountTable table = table(AlexNetMistakes.COUNTS_BIASES);
    assertThat(table.layers().get(0).weights()).isEqualTo(34_944L);
    assertThat(table.layers().get(5).weights()).isEqualTo(37_752_832L);
  }

  @Test
  void unitsAfterPoolingCountThePooledMaps() {
    // conv1 pooled 27x27x96 = 69,984 units instead of 290,400
    assertThat(table(AlexNetMistakes.UNITS_AFTER_POOLING).layers().get(0).units())
        .isEqualTo(69_984L);
  }

  @Test
  void ignoringPoolingFeedsConv2The55x55Maps() {
    // conv2 on 55x55x96 with padding 2: 55x55x256 = 774,400 units
    CountTable table = table(AlexNetMistakes.IGNORES_POOLING);
    assertThat(table.layers().get(1).units()).isEqualTo(774_400L);
  }

  @Test
  void connectionsEqualWeightsForgetWeightSharing() {
    assertThat(table(AlexNetMistakes.CONNECTIONS_EQUAL_WEIGHTS).layers().get(0).connections())
        .isEqualTo(34_848L);
  }

  @Test
  void paper224InputGives54x54Conv1() {
    // floor((224-11)/4)+1 = 54: 54*54*96 = 279,936 units; pool floor((54-3)/2)+1 = 26
    CountTable table = table(AlexNetMistakes.PAPER_224);
    assertThat(table.layers().get(0).output()).isEqualTo(new Shape(54, 54, 96));
    assertThat(table.layers().get(0).units()).isEqualTo(279_936L);
    assertThat(table.layers().get(0).pooled()).isEqualTo(new Shape(26, 26, 96));
  }

  @Test
  void ceilAndOneSidedPaddingChangeANonDividingLayer() {
    // 10x7x6, 4x4 stride 3 padding 1: floor((10+2-4)/3)+1 = 3, floor((7+2-4)/3)+1 = 2
    LayerInput in = new LayerInput(new Shape(10, 7, 6), LayerSpec.conv("conv", 9, 4, 3, 1, 3));
    assertThat(new AlexNetReference().layerCounts(in).output()).isEqualTo(new Shape(3, 2, 9));
    // ceil: ceil(8/3)+1 = 4, ceil(5/3)+1 = 3
    assertThat(AlexNetMistakes.CEIL_OUTPUT.solver().layerCounts(in).output())
        .isEqualTo(new Shape(4, 3, 9));
    // one side: floor((10+1-4)/3)+1 = 3, floor((7+1-4)/3)+1 = 2: same here ...
    assertThat(AlexNetMistakes.PADDING_ONCE.solver().layerCounts(in).output())
        .isEqualTo(new Shape(3, 2, 9));
    // ... but conv2 of AlexNet: (27+2-5)+1 = 25, not 27
    assertThat(AlexNetMistakes.PADDING_ONCE.solver()
        .layerCounts(AlexNetGenerators.alexNetLayerInputs().get(1)).output())
        .isEqualTo(new Shape(25, 25, 256));
  }

  @Test
  void gradingNamesTheFc1WithoutPoolMistake() {
    Problem<?, ?, ?> problem = ProblemRegistry.standard().find("alexnet.table").orElseThrow();
    assertThat(Diagnosis.mistakeId(problem, AlexNetGenerators.alexNet(), table(
        AlexNetMistakes.NO_POOL_AFTER_LAST_CONV))).isEqualTo("fc1-without-pool");
    assertThat(Diagnosis.mistakeId(problem, AlexNetGenerators.alexNet(), table(AlexNetMistakes.UNGROUPED)))
        .isEqualTo("ungrouped");
  }

}
