package org.mlgrade.reference.problems.resnet;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.resnet.BatchNormInput;
import org.mlgrade.api.resnet.BatchNormParams;
import org.mlgrade.api.resnet.BlockInput;
import org.mlgrade.api.resnet.BlockParams;
import org.mlgrade.api.resnet.Mode;
import org.mlgrade.api.resnet.ShallowNetInput;

/**
 * What the input records accept. Training-mode BatchNorm with one value per channel is refused
 * like PyTorch refuses it ({@code ValueError: Expected more than 1 value per channel when
 * training}, checked with torch 1.13 on an input of shape (1, 4, 1, 1)).
 */
class ResNetInputValidationTest {

  private static BatchNormParams unit(int c) {
    double[] ones = new double[c];
    Arrays.fill(ones, 1);
    return new BatchNormParams(ones, new double[c], new double[c], ones.clone());
  }

  private static BlockParams block(int c) {
    return new BlockParams(new double[c][c][3][3], unit(c), new double[c][c][3][3], unit(c));
  }

  @Test
  void trainingBatchNormRejectsOneValuePerChannel() {
    assertThatThrownBy(() -> new BatchNormInput(new double[1][2][1][1], unit(2), Mode.TRAINING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 1 value per channel");
    assertThatThrownBy(() -> new BlockInput(new double[1][3][1][1], block(3), Mode.TRAINING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than 1 value per channel");
  }

  @Test
  void oneImageIsFineWhenItHasMoreThanOnePixelOrInEvalMode() {
    assertThatCode(() -> new BatchNormInput(new double[1][2][1][2], unit(2), Mode.TRAINING))
        .doesNotThrowAnyException();
    assertThatCode(() -> new BatchNormInput(new double[2][2][1][1], unit(2), Mode.TRAINING))
        .doesNotThrowAnyException();
    assertThatCode(() -> new BatchNormInput(new double[1][2][1][1], unit(2), Mode.EVAL))
        .doesNotThrowAnyException();
  }

  @Test
  void shallowNetRejectsAOnePixelBlockInputInTrainingAndTinyImages() {
    // 5x5 -> stem 3x3 -> pool 1x1: one value per channel for the block when N = 1
    assertThatThrownBy(() -> net(1, 5, 5, Mode.TRAINING))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("block input (1, 2, 1, 1)")
        .hasMessageContaining("more than 1 value per channel");
    assertThatCode(() -> net(1, 5, 5, Mode.EVAL)).doesNotThrowAnyException();
    assertThatCode(() -> net(2, 5, 5, Mode.TRAINING)).doesNotThrowAnyException();
    assertThatThrownBy(() -> net(2, 2, 5, Mode.EVAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too small");
  }

  @Test
  void shapeErrorsNameBothShapes() {
    assertThatThrownBy(() -> new BatchNormInput(new double[2][3][2][2], unit(2), Mode.EVAL))
        .hasMessage("bn has 2 channels but x (2, 3, 2, 2) has C = 3");
    double[][][][] ragged = new double[2][1][2][2];
    ragged[1][0][1] = new double[3];
    assertThatThrownBy(() -> new BatchNormInput(ragged, unit(1), Mode.EVAL))
        .hasMessageContaining("x[1][0][1] has length 3 but must have length 2");
    assertThatThrownBy(() -> new BlockParams(new double[2][2][3][3], unit(2),
        new double[2][2][5][5], unit(2)))
        .hasMessage("conv2 must have shape (2, 2, 3, 3), got (2, 2, 5, 5)");
    assertThatThrownBy(() -> new BatchNormParams(new double[] {1}, new double[] {0},
        new double[] {0}, new double[] {-1}))
        .hasMessageContaining("runningVar[0] must be a variance >= 0");
  }

  private static ShallowNetInput net(int n, int h, int w, Mode mode) {
    return new ShallowNetInput(new double[n][1][h][w], new double[2][1][3][3], unit(2), block(2),
        new double[10][2], new double[10], mode);
  }
}
