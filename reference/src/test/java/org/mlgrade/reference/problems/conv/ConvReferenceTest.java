package org.mlgrade.reference.problems.conv;

import org.mlgrade.api.Shape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.Layer;
import org.mlgrade.api.conv.LayerCost;
import org.mlgrade.api.conv.LayerKind;
import org.mlgrade.api.conv.LayerSearch;
import org.mlgrade.reference.Tolerance;

/** The homework's worked examples, derived by hand in the comments. */
class ConvReferenceTest {

  private final ConvReference reference = new ConvReference();

  static final Chain HOMEWORK_CHAIN = new Chain(new Shape(8, 8, 3),
      List.of(Layer.conv(2, 2, 1, 0), Layer.conv(4, 3, 2, 0), Layer.maxPool(2, 1)));
  static final Chain CONV3_UNPADDED =
      new Chain(new Shape(27, 27, 256), List.of(Layer.conv(384, 3, 1, 0)));
  static final LayerSearch HOMEWORK_SEARCH =
      new LayerSearch(new Shape(12, 12, 20), new Shape(4, 4, 50), 0, Layer.maxPool(2, 2));

  @Test
  void homeworkChainEndsAtTwoByTwoByFour() {
    // 8 -> (8-2)/1+1 = 7 -> floor((7-3)/2)+1 = 3 -> (3-2)/1+1 = 2
    assertThat(reference.outputShapes(HOMEWORK_CHAIN).outputs())
        .containsExactly(new Shape(7, 7, 2), new Shape(3, 3, 4), new Shape(2, 2, 4));
  }

  @Test
  void homeworkChainHas96WeightsAnd102Parameters() {
    // 2*2*3*2 = 24 and 3*3*2*4 = 72 weights: 96; biases 2 + 4: 102
    ChainCost cost = reference.costs(HOMEWORK_CHAIN);
    assertThat(cost.weights()).isEqualTo(96);
    assertThat(cost.parameters()).isEqualTo(102);
    assertThat(cost.layers().get(0)).isEqualTo(new LayerCost(24, 26, 7L * 7 * 2 * 2 * 2 * 3));
    assertThat(cost.layers().get(2)).isEqualTo(new LayerCost(0, 0, 0));
  }

  @Test
  void unpaddedConv3Gives25x25x384With885120ParametersAnd552960000Multiplications() {
    // 27-3+1 = 25; 3*3*256*384 = 884,736 weights + 384 biases = 885,120;
    // 25*25*384 outputs * 3*3*256 = 240,000 * 2,304 = 552,960,000
    assertThat(reference.outputShapes(CONV3_UNPADDED).outputs())
        .containsExactly(new Shape(25, 25, 384));
    assertThat(reference.costs(CONV3_UNPADDED))
        .isEqualTo(new ChainCost(List.of(new LayerCost(884_736, 885_120, 552_960_000L)), 884_736,
            885_120, 552_960_000L));
  }

  @Test
  void mnistConvThenPoolGives24x24x20Then12x12x20() {
    // 28-5+1 = 24; floor((24-2)/2)+1 = 12
    Chain chain = new Chain(new Shape(28, 28, 1), List.of(Layer.conv(20, 5, 1, 0),
        Layer.maxPool(2, 2)));
    assertThat(reference.outputShapes(chain).outputs())
        .containsExactly(new Shape(24, 24, 20), new Shape(12, 12, 20));
  }

  @Test
  void outputSizeRoundsDownAndPadsBothSides() {
    // floor((8-3)/2)+1 = 3 (not 4); (10+2*2-5)/1+1 = 10
    assertThat(reference.outputShapes(new Chain(new Shape(7, 8, 2),
        List.of(Layer.conv(3, 3, 2, 0)))).outputs()).containsExactly(new Shape(3, 3, 3));
    assertThat(reference.outputShapes(new Chain(new Shape(10, 10, 3),
        List.of(Layer.conv(8, 5, 1, 2)))).outputs()).containsExactly(new Shape(10, 10, 8));
  }

  @Test
  void homeworkInverseQuestionIsFiveByFiveStrideOneWithFiftyFilters() {
    // pool needs 8 or 9; stride 1: 12-k+1 = 8 -> k = 5 (largest kernel of the smallest stride)
    assertThat(reference.findConv(HOMEWORK_SEARCH)).isEqualTo(new ConvChoice(5, 1, 50));
  }

  @Test
  void anyValidAnswerToTheInverseQuestionIsAccepted() {
    AnyValidConv comparison = new AnyValidConv();
    ConvChoice expected = new ConvChoice(5, 1, 50);
    // 4x4: 12-4+1 = 9, floor((9-2)/2)+1 = 4: valid too
    assertThat(comparison.compare(HOMEWORK_SEARCH, expected, new ConvChoice(4, 1, 50),
        Tolerance.EXACT)).isEmpty();
    // 9x9 gives 4 before the pool, 2 after it
    assertThat(comparison.compare(HOMEWORK_SEARCH, expected, new ConvChoice(9, 1, 50),
        Tolerance.EXACT)).singleElement().satisfies(m -> assertThat(m.actual())
            .contains("4x4x50 then 2x2x50"));
    // the right size with the wrong number of filters
    assertThat(comparison.compare(HOMEWORK_SEARCH, expected, new ConvChoice(5, 1, 20),
        Tolerance.EXACT)).hasSize(1);
    assertThat(comparison.compare(HOMEWORK_SEARCH, expected, new ConvChoice(0, 1, 50),
        Tolerance.EXACT)).hasSize(1);
    assertThat(comparison.compare(HOMEWORK_SEARCH, expected, null, Tolerance.EXACT)).hasSize(1);
  }

  @Test
  void windowThatDoesNotFitIsAClearIllegalArgument() {
    // 8x8 -> 7x7 -> 3x3 -> 1x1; a 2x2 pool on 1x1 cannot fit
    Chain chain = new Chain(new Shape(8, 8, 3), List.of(Layer.conv(2, 2, 1, 0),
        Layer.conv(4, 3, 2, 0), Layer.conv(4, 3, 1, 0), Layer.maxPool(2, 1)));
    assertThatThrownBy(() -> reference.outputShapes(chain))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("layer 4").hasMessageContaining("1x1x4");
    assertThatThrownBy(() -> reference.costs(new Chain(new Shape(2, 5, 1),
        List.of(Layer.conv(1, 3, 1, 0))))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2x5x1");
    // padding makes it fit: 2 + 2*1 = 4 >= 3
    assertThat(reference.outputShapes(new Chain(new Shape(2, 5, 1),
        List.of(Layer.conv(1, 3, 1, 1)))).outputs()).containsExactly(new Shape(2, 5, 1));
  }

  @Test
  void malformedLayersAreRejectedWhenBuilt() {
    assertThatThrownBy(() -> new Layer(LayerKind.MAX_POOL, 2, 2, 0, 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("filters must be 0");
    assertThatThrownBy(() -> new Layer(LayerKind.AVG_POOL, 3, 1, 2, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("half the kernel");
    assertThatThrownBy(() -> Layer.conv(0, 3, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Layer.conv(1, 3, 0, 0)).hasMessageContaining("stride");
    assertThatThrownBy(() -> new Chain(new Shape(3, 3, 1), List.of()))
        .hasMessageContaining("at least one layer");
    assertThatThrownBy(() -> new Shape(0, 3, 1)).hasMessageContaining("0x3x1");
  }
}
