package org.mlgrade.reference.problems.conv;

import org.mlgrade.reference.Diagnosis;
import org.mlgrade.api.Shape;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.Layer;
import org.mlgrade.api.conv.LayerSearch;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemRegistry;
import org.mlgrade.reference.Tolerance;

/** Each known mistake gives the wrong answer it is named for (hand arithmetic in comments). */
class ConvMistakesTest {

  private static final Chain STRIDE_TWO =
      new Chain(new Shape(7, 8, 2), List.of(Layer.conv(3, 3, 2, 0)));
  private static final Chain SAME_PADDING =
      new Chain(new Shape(10, 10, 3), List.of(Layer.conv(8, 5, 1, 2)));

  @Test
  void ceilOutputRoundsUp() {
    // width ceil((8-3)/2)+1 = 4 instead of floor(...)+1 = 3
    assertThat(ConvMistakes.CEIL_OUTPUT.solver().outputShapes(STRIDE_TWO).outputs())
        .containsExactly(new Shape(3, 4, 3));
  }

  @Test
  void paddingOnceLosesTwoPixels() {
    // (10+2-5)+1 = 8 instead of (10+4-5)+1 = 10
    assertThat(ConvMistakes.PADDING_ONCE.solver().outputShapes(SAME_PADDING).outputs())
        .containsExactly(new Shape(8, 8, 8));
  }

  @Test
  void missingPlusOneIsOneShort() {
    // 28-5 = 23 instead of 24
    assertThat(ConvMistakes.MISSING_PLUS_ONE.solver().outputShapes(new Chain(
        new Shape(28, 28, 1), List.of(Layer.conv(20, 5, 1, 0)))).outputs())
        .containsExactly(new Shape(23, 23, 20));
  }

  @Test
  void biasForgottenGives96ParametersInsteadOf102() {
    assertThat(ConvMistakes.BIAS_FORGOTTEN.solver().costs(ConvReferenceTest.HOMEWORK_CHAIN)
        .parameters()).isEqualTo(96);
  }

  @Test
  void costMistakesOfUnpaddedConv3() {
    Chain chain = ConvReferenceTest.CONV3_UNPADDED;
    // 3*3*384 = 3,456 weights; 25*25*384*9 = 2,160,000 multiplications
    assertThat(ConvMistakes.WEIGHTS_IGNORE_DEPTH.solver().costs(chain).weights()).isEqualTo(3_456);
    assertThat(ConvMistakes.WEIGHTS_IGNORE_DEPTH.solver().costs(chain).multiplications())
        .isEqualTo(2_160_000);
    // one channel: 25*25 * 3*3*256 = 1,440,000 = 552,960,000 / 384
    assertThat(ConvMistakes.MULTIPLICATIONS_ONE_CHANNEL.solver().costs(chain).multiplications())
        .isEqualTo(1_440_000);
    // one position: the 884,736 weights
    assertThat(ConvMistakes.MULTIPLICATIONS_ONE_POSITION.solver().costs(chain).multiplications())
        .isEqualTo(884_736);
  }

  @Test
  void inverseMistakesOfTheHomeworkQuestion() {
    LayerSearch search = ConvReferenceTest.HOMEWORK_SEARCH;
    // without the pool 12-k+1 = 4 -> k = 9
    assertThat(ConvMistakes.IGNORES_POOL.solver().findConv(search))
        .isEqualTo(new ConvChoice(9, 1, 50));
    assertThat(ConvMistakes.FILTERS_FROM_INPUT.solver().findConv(search))
        .isEqualTo(new ConvChoice(5, 1, 20));
    // 12-4+1 = 9 and the 2x2 pool floors 9 to 4, so here the off-by-one kernel is still valid
    assertThat(ConvMistakes.KERNEL_OFF_BY_ONE.solver().findConv(search))
        .isEqualTo(new ConvChoice(4, 1, 50));
    // without pooling it is not: 32-4+1 = 29, not 28
    LayerSearch lenet = new LayerSearch(new Shape(32, 32, 3), new Shape(28, 28, 6), 0,
        Layer.maxPool(1, 1));
    assertThat(ConvMistakes.KERNEL_OFF_BY_ONE.solver().findConv(lenet))
        .isEqualTo(new ConvChoice(4, 1, 6));
    assertThat(new AnyValidConv().compare(lenet, new ConvChoice(5, 1, 6), new ConvChoice(4, 1, 6),
        Tolerance.EXACT)).hasSize(1);
  }

  @Test
  void gradingNamesTheMistakeOfAStudentWhoIgnoresThePool() {
    Problem<?, ?, ?> problem = ProblemRegistry.standard().find("conv.find-layer").orElseThrow();
    assertThat(Diagnosis.mistakeId(problem, ConvReferenceTest.HOMEWORK_SEARCH, new ConvChoice(9, 1, 50)))
        .isEqualTo("ignores-pool");
  }

  @Test
  void gradingNamesForgottenBiases() {
    Problem<?, ?, ?> problem = ProblemRegistry.standard().find("conv.costs").orElseThrow();
    Object wrong = ConvMistakes.BIAS_FORGOTTEN.solver().costs(ConvReferenceTest.HOMEWORK_CHAIN);
    assertThat(Diagnosis.mistakeId(problem, ConvReferenceTest.HOMEWORK_CHAIN, wrong))
        .isEqualTo("bias-forgotten");
  }

}
