package org.mlgrade.reference.problems.resnet;

import static org.mlgrade.reference.HighPrecision.MC;
import static org.mlgrade.reference.HighPrecision.assertClose;
import static org.mlgrade.reference.HighPrecision.of;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mlgrade.api.resnet.BatchNormInput;
import org.mlgrade.api.resnet.BatchNormOutput;
import org.mlgrade.api.resnet.BatchNormParams;
import org.mlgrade.api.resnet.Mode;
import org.mlgrade.api.resnet.ResNet;
import org.mlgrade.reference.HighPrecision;

/**
 * BatchNorm2d (PyTorch semantics) against a 60-digit evaluation ({@link HighPrecision}), to 1e-12
 * relative, in both modes: {@code y = (x - mu) / sqrt(v + eps) * gamma + beta} with the batch's
 * mean and biased variance in TRAINING mode (running statistics updated with the unbiased
 * variance, momentum 0.1) and the running ones in EVAL mode; values from 1e-3 to 1e3.
 */
class BatchNormPrecisionTest {

  @Test
  void batchNormIsExactInBothModes() {
    SplittableRandom random = new SplittableRandom(1_512);
    ResNetReference reference = new ResNetReference();
    BigDecimal eps = of(ResNet.EPS);
    BigDecimal momentum = of(ResNet.MOMENTUM);
    for (int trial = 0; trial < 150; trial++) {
      int n = 1 + random.nextInt(3);
      int channels = 1 + random.nextInt(3);
      int h = 1 + random.nextInt(3);
      int w = 2 + random.nextInt(2);
      double scale = Math.pow(10, random.nextInt(-3, 4));
      double offset = random.nextDouble(-scale, scale);
      double[][][][] x = new double[n][channels][h][w];
      for (double[][][] image : x) {
        for (double[][] map : image) {
          for (double[] row : map) {
            for (int j = 0; j < w; j++) {
              row[j] = offset + random.nextDouble(-scale, scale);
            }
          }
        }
      }
      BatchNormParams bn = new BatchNormParams(random.doubles(channels, 0.5, 2).toArray(),
          random.doubles(channels, -1, 1).toArray(), random.doubles(channels, -1, 1).toArray(),
          random.doubles(channels, 0.1, 3).toArray());
      Mode mode = random.nextBoolean() ? Mode.TRAINING : Mode.EVAL;
      BatchNormOutput out = reference.batchNorm(new BatchNormInput(x, bn, mode));
      BigDecimal m = BigDecimal.valueOf((long) n * h * w);
      for (int c = 0; c < channels; c++) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double[][][] image : x) {
          for (double[] row : image[c]) {
            for (double v : row) {
              sum = sum.add(of(v));
            }
          }
        }
        BigDecimal mean = sum.divide(m, MC);
        BigDecimal squares = BigDecimal.ZERO;
        for (double[][][] image : x) {
          for (double[] row : image[c]) {
            for (double v : row) {
              BigDecimal d = of(v).subtract(mean, MC);
              squares = squares.add(d.multiply(d, MC), MC);
            }
          }
        }
        BigDecimal mu = mode == Mode.TRAINING ? mean : of(bn.runningMean()[c]);
        BigDecimal var = mode == Mode.TRAINING ? squares.divide(m, MC) : of(bn.runningVar()[c]);
        BigDecimal factor = of(bn.gamma()[c]).divide(HighPrecision.sqrt(var.add(eps, MC)), MC);
        String at = mode + " #" + trial + " channel " + c;
        for (int b = 0; b < n; b++) {
          for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
              BigDecimal y = of(x[b][c][i][j]).subtract(mu, MC).multiply(factor, MC)
                  .add(of(bn.beta()[c]), MC);
              assertClose(out.y()[b][c][i][j], y, at + " y[" + b + "][" + i + "][" + j + "]");
            }
          }
        }
        if (mode == Mode.TRAINING) {
          BigDecimal keep = BigDecimal.ONE.subtract(momentum);
          assertClose(out.running().mean()[c], keep.multiply(of(bn.runningMean()[c]), MC)
              .add(momentum.multiply(mean, MC), MC), at + " running mean");
          BigDecimal unbiased = squares.divide(m.subtract(BigDecimal.ONE), MC);
          assertClose(out.running().var()[c], keep.multiply(of(bn.runningVar()[c]), MC)
              .add(momentum.multiply(unbiased, MC), MC), at + " running var");
        }
      }
    }
  }
}
