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
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.InputGenerator;
import org.mlgrade.reference.StructuralComparison;
import org.mlgrade.reference.Tolerance;

/** Invariants of the reference on many generated inputs. */
class ResNetPropertiesTest {

  private static final long SEED = 7L;
  private static final int COUNT = 60;
  private static final ResNet REFERENCE = new ResNetReference();

  private static double[] ones(int c, double value) {
    double[] v = new double[c];
    Arrays.fill(v, value);
    return v;
  }

  @Test
  void trainingBatchNormWithUnitAffineHasZeroMeanAndUnitVariancePerChannel() {
    int checked = 0;
    for (int i = 0; i < COUNT; i++) {
      BatchNormInput generated =
          ResNetInputs.batchNorm().generate(InputGenerator.randomFor(SEED, i), i);
      if (generated.mode() != Mode.TRAINING) {
        continue;
      }
      int c = generated.x()[0].length;
      BatchNormParams unit = new BatchNormParams(ones(c, 1), ones(c, 0),
          generated.bn().runningMean(), generated.bn().runningVar());
      double[][][][] x = generated.x();
      double[][][][] y = REFERENCE.batchNorm(new BatchNormInput(x, unit, Mode.TRAINING)).y();
      for (int k = 0; k < c; k++) {
        double[] in = channel(x, k);
        double[] out = channel(y, k);
        // mean 0; biased variance v / (v + eps), which is 1 up to eps
        double v = biasedVariance(in);
        assertThat(mean(out)).isCloseTo(0, within(1e-12));
        assertThat(biasedVariance(out)).isCloseTo(v / (v + 1e-5), within(1e-12));
        assertThat(biasedVariance(out)).isCloseTo(1, within(1e-3));
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void evalBatchNormTreatsEveryImageAloneAndKeepsTheRunningStatistics() {
    for (int i = 0; i < COUNT; i++) {
      BatchNormInput generated =
          ResNetInputs.batchNorm().generate(InputGenerator.randomFor(SEED, i), i);
      BatchNormInput eval = new BatchNormInput(generated.x(), generated.bn(), Mode.EVAL);
      BatchNormOutput whole = REFERENCE.batchNorm(eval);
      for (int n = 0; n < generated.x().length; n++) {
        BatchNormOutput alone = REFERENCE.batchNorm(new BatchNormInput(
            new double[][][][] {generated.x()[n]}, generated.bn(), Mode.EVAL));
        assertThat(StructuralComparison.compare(alone.y()[0], whole.y()[n], Tolerance.EXACT))
            .isEmpty();
      }
      assertThat(whole.running().mean()).containsExactly(generated.bn().runningMean());
      assertThat(whole.running().var()).containsExactly(generated.bn().runningVar());
    }
  }

  @Test
  void blockWithZeroSecondConvolutionAddsBetaTwoBeforeTheRelu() {
    for (int i = 0; i < COUNT; i++) {
      BlockInput generated =
          ResNetInputs.basicBlock().generate(InputGenerator.randomFor(SEED, i), i);
      if (generated.mode() != Mode.TRAINING) {
        continue;
      }
      BlockParams p = generated.block();
      int c = p.conv1().length;
      BlockParams zero = new BlockParams(p.conv1(), p.bn1(), new double[c][c][3][3], p.bn2());
      double[][][][] y =
          REFERENCE.basicBlock(new BlockInput(generated.x(), zero, Mode.TRAINING)).y();
      // BN2 of the all-zero map: mean 0, var 0 -> (0 - 0) / sqrt(eps) * gamma + beta = beta
      double[][][][] x = generated.x();
      for (int n = 0; n < x.length; n++) {
        for (int k = 0; k < c; k++) {
          for (int r = 0; r < x[n][k].length; r++) {
            for (int s = 0; s < x[n][k][r].length; s++) {
              assertThat(y[n][k][r][s])
                  .isEqualTo(Math.max(0, x[n][k][r][s] + p.bn2().beta()[k]));
            }
          }
        }
      }
    }
  }

  @Test
  void blockOutputKeepsTheShapeAndIsNonNegative() {
    for (int i = 0; i < COUNT; i++) {
      BlockInput input = ResNetInputs.basicBlock().generate(InputGenerator.randomFor(SEED, i), i);
      BlockOutput out = REFERENCE.basicBlock(input);
      assertThat(out.y().length).isEqualTo(input.x().length);
      for (int n = 0; n < out.y().length; n++) {
        assertThat(out.y()[n].length).isEqualTo(input.x()[n].length);
        assertThat(out.y()[n][0].length).isEqualTo(input.x()[n][0].length);
        assertThat(out.y()[n][0][0].length).isEqualTo(input.x()[n][0][0].length);
      }
      assertThat(Arrays.stream(channelValues(out.y())).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void referenceDoesNotModifyItsInput() throws Exception {
    for (int i = 0; i < 12; i++) {
      ShallowNetInput input =
          ResNetInputs.shallowNet().generate(InputGenerator.randomFor(SEED, i), i);
      ShallowNetInput before =
          Wire.MAPPER.readValue(Wire.MAPPER.writeValueAsString(input), ShallowNetInput.class);
      REFERENCE.shallowNet(input);
      assertThat(StructuralComparison.compare(before, input, Tolerance.EXACT)).isEmpty();
    }
  }

  @Test
  void generatorsNeverAskForBatchStatisticsOfOneValue() {
    // The records would reject such an input; this checks the generators never try.
    for (int i = 0; i < 200; i++) {
      ResNetInputs.batchNorm().generate(InputGenerator.randomFor(SEED, i), i);
      ResNetInputs.basicBlock().generate(InputGenerator.randomFor(SEED, i), i);
      ResNetInputs.shallowNet().generate(InputGenerator.randomFor(SEED, i), i);
    }
  }

  private static double[] channel(double[][][][] x, int c) {
    return Arrays.stream(x).flatMap(image -> Arrays.stream(image[c]))
        .flatMapToDouble(Arrays::stream).toArray();
  }

  private static double[] channelValues(double[][][][] x) {
    return Arrays.stream(x).flatMap(Arrays::stream).flatMap(Arrays::stream)
        .flatMapToDouble(Arrays::stream).toArray();
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).sum() / v.length;
  }

  private static double biasedVariance(double[] v) {
    double m = mean(v);
    return Arrays.stream(v).map(a -> (a - m) * (a - m)).sum() / v.length;
  }
}
