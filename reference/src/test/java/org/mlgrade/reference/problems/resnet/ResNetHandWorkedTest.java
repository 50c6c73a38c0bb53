package org.mlgrade.reference.problems.resnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.resnet.BatchNormInput;
import org.mlgrade.api.resnet.BatchNormOutput;
import org.mlgrade.api.resnet.BatchNormParams;
import org.mlgrade.api.resnet.BlockInput;
import org.mlgrade.api.resnet.BlockOutput;
import org.mlgrade.api.resnet.BlockParams;
import org.mlgrade.api.resnet.Mode;
import org.mlgrade.api.resnet.ResNet;
import org.mlgrade.api.resnet.ShallowNetInput;
import org.mlgrade.api.resnet.ShallowNetOutput;

/**
 * The worked examples of the {@link ResNet} Javadoc, derived by hand (arithmetic in the comments),
 * for the reference and for the known mistakes that change them. The printed decimals were also
 * confirmed with PyTorch 1.13 in float64 when the Javadoc was written.
 */
class ResNetHandWorkedTest {

  private static final double TOL = 1e-12;
  private static final ResNet REFERENCE = new ResNetReference();

  /** x of shape (1, 1, 2, 2) = [[1, 2], [3, 4]], gamma 1, beta 0, running mean 0, var 1. */
  private static BatchNormInput oneToFour(Mode mode) {
    return new BatchNormInput(new double[][][][] {{{{1, 2}, {3, 4}}}},
        new BatchNormParams(new double[] {1}, new double[] {0}, new double[] {0},
            new double[] {1}),
        mode);
  }

  private static double[] flat(double[][][][] x) {
    return Arrays.stream(x).flatMap(Arrays::stream).flatMap(Arrays::stream)
        .flatMapToDouble(Arrays::stream).toArray();
  }

  @Test
  void batchNormTrainingUsesTheBiasedVarianceAndUpdatesWithTheUnbiased() {
    BatchNormOutput out = REFERENCE.batchNorm(oneToFour(Mode.TRAINING));
    // mean = 10 / 4 = 2.5; deviations -1.5, -0.5, 0.5, 1.5; squares sum to 5
    // biased var = 5 / 4 = 1.25 -> y = dev / sqrt(1.25 + 1e-5)
    double sd = Math.sqrt(1.25001);
    assertThat(flat(out.y())).containsExactly(
        new double[] {-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd}, within(TOL));
    assertThat(out.y()[0][0][0][0]).isCloseTo(-1.341635419968927, within(TOL)); // PyTorch
    // running mean = 0.9 * 0 + 0.1 * 2.5; running var = 0.9 * 1 + 0.1 * (5 / 3)
    assertThat(out.running().mean()).containsExactly(new double[] {0.25}, within(TOL));
    assertThat(out.running().var()).containsExactly(new double[] {1.0666666666666667}, within(TOL));
  }

  @Test
  void batchNormEvalUsesTheRunningStatisticsAndKeepsThem() {
    BatchNormOutput out = REFERENCE.batchNorm(oneToFour(Mode.EVAL));
    // y = (x - 0) / sqrt(1 + 1e-5)
    double sd = Math.sqrt(1.00001);
    assertThat(flat(out.y())).containsExactly(
        new double[] {1 / sd, 2 / sd, 3 / sd, 4 / sd}, within(TOL));
    assertThat(out.y()[0][0][1][1]).isCloseTo(3.999980000149999, within(TOL)); // PyTorch
    assertThat(out.running().mean()).containsExactly(0.0);
    assertThat(out.running().var()).containsExactly(1.0);
  }

  @Test
  void batchNormMistakesGiveTheirDocumentedAnswers() {
    BatchNormInput training = oneToFour(Mode.TRAINING);
    // unbiased variance 5 / 3 in the denominator
    double unbiasedSd = Math.sqrt(5.0 / 3 + 1e-5);
    assertThat(flat(ResNetMistakes.unbiasedVarianceInTraining().solver().batchNorm(training).y()))
        .containsExactly(new double[] {-1.5 / unbiasedSd, -0.5 / unbiasedSd, 0.5 / unbiasedSd,
            1.5 / unbiasedSd}, within(TOL));
    // running var with the biased variance: 0.9 * 1 + 0.1 * 1.25 = 1.025
    assertThat(ResNetMistakes.runningVarBiased().solver().batchNorm(training).running().var())
        .containsExactly(new double[] {1.025}, within(TOL));
    // Keras convention: mean 0.1 * 0 + 0.9 * 2.5 = 2.25, var 0.1 * 1 + 0.9 * 5 / 3 = 1.6
    BatchNormOutput keras = ResNetMistakes.momentumKerasConvention().solver().batchNorm(training);
    assertThat(keras.running().mean()).containsExactly(new double[] {2.25}, within(TOL));
    assertThat(keras.running().var()).containsExactly(new double[] {1.6}, within(TOL));
    // eps outside the root: dev / (sqrt(1.25) + 1e-5)
    double outside = Math.sqrt(1.25) + 1e-5;
    assertThat(flat(ResNetMistakes.epsOutsideSqrt().solver().batchNorm(training).y()))
        .containsExactly(new double[] {-1.5 / outside, -0.5 / outside, 0.5 / outside,
            1.5 / outside}, within(TOL));
    // eval with batch statistics: the training output, running statistics untouched
    BatchNormOutput evalBatch =
        ResNetMistakes.evalUsesBatchStatistics().solver().batchNorm(oneToFour(Mode.EVAL));
    double sd = Math.sqrt(1.25001);
    assertThat(flat(evalBatch.y())).containsExactly(
        new double[] {-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd}, within(TOL));
    assertThat(evalBatch.running().var()).containsExactly(1.0);
  }

  /** The block example of the Javadoc: C = 1, N = 2, H = W = 1, x = [1, 3]. */
  private static BlockInput twoPixelBlock() {
    double[][][][] conv1 = new double[1][1][3][3];
    conv1[0][0][1][1] = 1;
    double[][][][] conv2 = new double[1][1][3][3];
    conv2[0][0][1][1] = 2;
    // off-centre weights meet only padding zeros on a 1x1 image
    conv1[0][0][0][0] = 5;
    conv2[0][0][2][1] = -7;
    BatchNormParams bn = new BatchNormParams(new double[] {1}, new double[] {0},
        new double[] {0}, new double[] {1});
    return new BlockInput(new double[][][][] {{{{1}}}, {{{3}}}},
        new BlockParams(conv1, bn, conv2, bn), Mode.TRAINING);
  }

  @Test
  void basicBlockOnOnePixelImagesFollowsTheJavadocExample() {
    BlockOutput out = REFERENCE.basicBlock(twoPixelBlock());
    // conv1: [1, 3]; bn1: mean 2, var 1 -> [-s, s] with s = 1 / sqrt(1.00001); ReLU: [0, s]
    double s = 1 / Math.sqrt(1.00001);
    // conv2 (x2): [0, 2s]; bn2: mean s, biased var s^2 -> [-t, t] with t = s / sqrt(s^2 + 1e-5)
    double t = s / Math.sqrt(s * s + 1e-5);
    // + x = [1 - t, 3 + t], both positive so the ReLU keeps them
    assertThat(flat(out.y())).containsExactly(new double[] {1 - t, 3 + t}, within(TOL));
    assertThat(flat(out.y())).containsExactly(
        new double[] {5.000012499589701e-06, 3.9999949999875004}, within(TOL)); // PyTorch
    // bn1 running: mean 0.1 * 2, var 0.9 + 0.1 * ((1 + 1) / (2 - 1))
    assertThat(out.bn1().mean()).containsExactly(new double[] {0.2}, within(TOL));
    assertThat(out.bn1().var()).containsExactly(new double[] {1.1}, within(TOL));
    // bn2 running: mean 0.1 * s, var 0.9 + 0.1 * ((s^2 + s^2) / (2 - 1))
    assertThat(out.bn2().mean()).containsExactly(new double[] {0.1 * s}, within(TOL));
    assertThat(out.bn2().var()).containsExactly(new double[] {0.9 + 0.2 * s * s}, within(TOL));
  }

  @Test
  void reluBeforeTheResidualAddLetsTheNegativeBranchThrough() {
    BlockOutput out = ResNetMistakes.reluBeforeResidualAdd().solver().basicBlock(twoPixelBlock());
    double s = 1 / Math.sqrt(1.00001);
    double t = s / Math.sqrt(s * s + 1e-5);
    // ReLU([-t, t]) + x = [0 + 1, t + 3] instead of [1 - t, 3 + t]
    assertThat(flat(out.y())).containsExactly(new double[] {1, 3 + t}, within(TOL));
  }

  @Test
  void missingFinalReluKeepsNegativeOutputs() {
    BlockInput input = twoPixelBlock();
    // x = [-1, 3] instead: conv1 -> [-1, 3], bn1 mean 1 var 4 -> [-u, u] with u = 2 / sqrt(4.00001)
    BlockInput negative = new BlockInput(new double[][][][] {{{{-1}}}, {{{3}}}}, input.block(),
        Mode.TRAINING);
    double u = 2 / Math.sqrt(4.00001);
    // ReLU [0, u]; conv2 [0, 2u]; bn2 mean u, var u^2 -> [-t, t], t = u / sqrt(u^2 + 1e-5)
    double t = u / Math.sqrt(u * u + 1e-5);
    // x + bn2 = [-1 - t, 3 + t]; the reference clips the first to 0, the mistake does not
    assertThat(flat(REFERENCE.basicBlock(negative).y()))
        .containsExactly(new double[] {0, 3 + t}, within(TOL));
    assertThat(flat(ResNetMistakes.missingFinalRelu().solver().basicBlock(negative).y()))
        .containsExactly(new double[] {-1 - t, 3 + t}, within(TOL));
  }

  /**
   * A 5x5 image through a network whose stem picks the centre tap, in EVAL mode with unit
   * BatchNorms and a zero block, so that every step can be followed by hand.
   */
  private static ShallowNetInput traceableNet() {
    double[][] image = new double[5][5];
    image[1][1] = 9; // odd position: skipped by the stride-2 stem with padding 1
    image[4][0] = 8; // last row of the 3x3 stem output: dropped by the max-pool's floor
    image[4][4] = 7; // same
    image[2][2] = 0.5; // the largest value that survives
    image[0][2] = 0.25;
    double[][][][] stem = new double[1][1][3][3];
    stem[0][0][1][1] = 1;
    BatchNormParams unit = new BatchNormParams(new double[] {1}, new double[] {0},
        new double[] {0}, new double[] {1});
    BlockParams zeroBlock = new BlockParams(new double[1][1][3][3], unit,
        new double[1][1][3][3], unit);
    double[][] fcWeight = new double[10][1];
    double[] fcBias = new double[10];
    for (int k = 0; k < 10; k++) {
      fcWeight[k][0] = k;
      fcBias[k] = 0.5;
    }
    return new ShallowNetInput(new double[][][][] {{image}}, stem, unit, zeroBlock, fcWeight,
        fcBias, Mode.EVAL);
  }

  @Test
  void shallowNetStrideTwoPaddingOneAndMaxPoolFloor() {
    ShallowNetOutput out = REFERENCE.shallowNet(traceableNet());
    // stem with padding 1, stride 2: out[i][j] = image[2i][2j], i, j = 0..2 (H1 = (5 - 1) / 2 + 1)
    // BN eval: / sqrt(1.00001); ReLU; MaxPool2d(2) floor keeps rows and columns 0..1 of the 3x3:
    // max(image[0][0], image[0][2], image[2][0], image[2][2]) = 0.5
    // block: zero convolutions -> BN eval (0 - 0) / sd * 1 + 0 = 0 -> ReLU(x + 0) = x
    double feature = 0.5 / Math.sqrt(1.00001);
    double[] logits = new double[10];
    for (int k = 0; k < 10; k++) {
      logits[k] = k * feature + 0.5; // Linear: W[k][0] * f + b[k]
    }
    assertThat(out.logits()[0]).containsExactly(logits, within(TOL));
    assertThat(out.stemBn().var()).containsExactly(1.0);
  }

  @Test
  void stemWithoutPaddingSamplesTheOddPixels() {
    ShallowNetOutput out =
        ResNetMistakes.stemConvWithoutPadding().solver().shallowNet(traceableNet());
    // padding 0: out[i][j] = image[2i + 1][2j + 1], H1 = (5 - 3) / 2 + 1 = 2; max-pool: 9
    double feature = 9 / Math.sqrt(1.00001);
    assertThat(out.logits()[0][1]).isCloseTo(feature + 0.5, within(TOL));
  }
}
