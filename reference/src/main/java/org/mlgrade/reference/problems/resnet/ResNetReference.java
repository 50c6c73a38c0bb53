package org.mlgrade.reference.problems.resnet;

import org.mlgrade.api.resnet.BatchNormInput;
import org.mlgrade.api.resnet.BatchNormOutput;
import org.mlgrade.api.resnet.BatchNormParams;
import org.mlgrade.api.resnet.BlockInput;
import org.mlgrade.api.resnet.BlockOutput;
import org.mlgrade.api.resnet.BlockParams;
import org.mlgrade.api.resnet.Mode;
import org.mlgrade.api.resnet.ResNet;
import org.mlgrade.api.resnet.RunningStats;
import org.mlgrade.api.resnet.ShallowNetInput;
import org.mlgrade.api.resnet.ShallowNetOutput;

/**
 * The reference forward passes, with PyTorch's semantics in float64:
 *
 * <pre>
 * BN(x)[n,c,i,j] = (x - mu_c) / sqrt(v_c + eps) * gamma_c + beta_c
 *   TRAINING: mu_c, v_c = batch mean and biased variance over (N, H, W);
 *             running <- (1 - momentum) * running + momentum * (mean, unbiased variance)
 *   EVAL:     mu_c, v_c = running mean and running variance; running unchanged
 * Block(x) = ReLU(x + BN2(Conv2(ReLU(BN1(Conv1(x))))))      3x3 convolutions, stride 1, padding 1
 * Net(img) = Linear(AvgPool(Block(MaxPool2(ReLU(BN(Conv_s2p1(img)))))))
 * </pre>
 *
 * <p>Each step is a protected method so that a known mistake overrides exactly one of them. Inputs
 * are never modified.
 */
public class ResNetReference implements ResNet {

  /** The result of one BatchNorm pass. */
  protected record Normalised(double[][][][] y, RunningStats running) {}

  @Override
  public BatchNormOutput batchNorm(BatchNormInput input) {
    Normalised out = batchNorm2d(input.x(), input.bn(), input.mode());
    return new BatchNormOutput(out.y(), out.running());
  }

  @Override
  public BlockOutput basicBlock(BlockInput input) {
    return block(input.x(), input.block(), input.mode());
  }

  @Override
  public ShallowNetOutput shallowNet(ShallowNetInput input) {
    Mode mode = input.mode();
    // stem: (N, 1, H, W) -> (N, C, H1, W1)
    double[][][][] stem = conv2d(input.images(), input.stemConv(), 2, stemPadding());
    Normalised stemBn = batchNorm2d(stem, input.stemBn(), mode);
    // (N, C, H1, W1) -> (N, C, floor(H1 / 2), floor(W1 / 2))
    double[][][][] pooled = maxPool2(relu(stemBn.y()));
    BlockOutput block = block(pooled, input.block(), mode);
    // features[N, C] -> logits[N, 10]
    double[][] features = globalPool(block.y());
    double[][] logits = linear(features, input.fcWeight(), input.fcBias());
    return new ShallowNetOutput(logits, stemBn.running(), block.bn1(), block.bn2());
  }

  /** {@code ReLU(x + BN2(Conv2(ReLU(BN1(Conv1(x))))))} with the running statistics of both BNs. */
  protected BlockOutput block(double[][][][] x, BlockParams p, Mode mode) {
    Normalised bn1 = batchNorm2d(conv2d(x, p.conv1(), 1, 1), p.bn1(), mode);
    double[][][][] hidden = relu(bn1.y());
    Normalised bn2 = batchNorm2d(conv2d(hidden, p.conv2(), 1, 1), p.bn2(), mode);
    return new BlockOutput(residualOutput(bn2.y(), x), bn1.running(), bn2.running());
  }

  /** The end of the block: {@code ReLU(branch + x)}. */
  protected double[][][][] residualOutput(double[][][][] branch, double[][][][] x) {
    return relu(add(branch, x));
  }

  /** The stem convolution's zero padding. */
  protected int stemPadding() {
    return 1;
  }

  /**
   * Cross-correlation without bias: {@code out[n][o][i][j] = sum_{c,a,b} w[o][c][a][b] *
   * x[n][c][s*i + a - p][s*j + b - p]}, terms outside the image being zero.
   */
  protected double[][][][] conv2d(double[][][][] x, double[][][][] w, int stride, int padding) {
    int n = x.length;
    int cin = x[0].length;
    int h = x[0][0].length;
    int wd = x[0][0][0].length;
    int cout = w.length;
    int kh = w[0][0].length;
    int kw = w[0][0][0].length;
    int oh = Math.floorDiv(h + 2 * padding - kh, stride) + 1;
    int ow = Math.floorDiv(wd + 2 * padding - kw, stride) + 1;
    if (oh < 1 || ow < 1) {
      throw new IllegalArgumentException(
          "kernel " + kh + "x" + kw + " does not fit input " + h + "x" + wd + " with padding "
              + padding);
    }
    double[][][][] out = new double[n][cout][oh][ow];
    for (int b = 0; b < n; b++) {
      for (int o = 0; o < cout; o++) {
        for (int i = 0; i < oh; i++) {
          for (int j = 0; j < ow; j++) {
            double sum = 0;
            for (int c = 0; c < cin; c++) {
              for (int a = 0; a < kh; a++) {
                int row = stride * i + a - padding;
                if (row < 0 || row >= h) {
                  continue;
                }
                for (int d = 0; d < kw; d++) {
                  int col = stride * j + d - padding;
                  if (col >= 0 && col < wd) {
                    sum += kernel(w, o, c, a, d) * x[b][c][row][col];
                  }
                }
              }
            }
            out[b][o][i][j] = sum;
          }
        }
      }
    }
    return out;
  }

  /** The kernel weight met at offset (a, b): {@code w[o][c][a][b]} for a cross-correlation. */
  protected double kernel(double[][][][] w, int o, int c, int a, int b) {
    return w[o][c][a][b];
  }

  /** BatchNorm2d forward in the given mode, returning the output and the running statistics. */
  protected Normalised batchNorm2d(double[][][][] x, BatchNormParams p, Mode mode) {
    int n = x.length;
    int channels = x[0].length;
    int h = x[0][0].length;
    int w = x[0][0][0].length;
    long m = (long) n * h * w;
    double[][][][] y = new double[n][channels][h][w];
    double[] runningMean = p.runningMean().clone();
    double[] runningVar = p.runningVar().clone();
    for (int c = 0; c < channels; c++) {
      double mean;
      double var;
      if (useBatchStatistics(mode)) {
        if (m <= 1 && mode == Mode.TRAINING) {
          // The input records already reject this; PyTorch raises the same. A known mistake
          // that uses batch statistics in EVAL mode still gets an answer (beta), as a student's
          // code would.
          throw new IllegalArgumentException(
              "Expected more than 1 value per channel when training, got " + m);
        }
        // batch statistics over (N, H, W)
        double sum = 0;
        for (double[][][] image : x) {
          for (double[] row : image[c]) {
            for (double v : row) {
              sum += v;
            }
          }
        }
        double batchMean = sum / m;
        double squares = 0;
        for (double[][][] image : x) {
          for (double[] row : image[c]) {
            for (double v : row) {
              squares += (v - batchMean) * (v - batchMean);
            }
          }
        }
        double biased = squares / m;
        double unbiased = squares / (m - 1);
        mean = batchMean;
        var = normalisingVariance(biased, unbiased);
        if (mode == Mode.TRAINING) {
          // running-statistics update, unbiased variance
          runningMean[c] = updateRunning(runningMean[c], batchMean);
          runningVar[c] = updateRunning(runningVar[c], runningVarianceSample(biased, unbiased));
        }
      } else {
        mean = p.runningMean()[c];
        var = p.runningVar()[c];
      }
      // normalise, then scale and shift
      double scale = p.gamma()[c] / standardDeviation(var);
      double shift = p.beta()[c];
      for (int b = 0; b < n; b++) {
        for (int i = 0; i < h; i++) {
          for (int j = 0; j < w; j++) {
            y[b][c][i][j] = (x[b][c][i][j] - mean) * scale + shift;
          }
        }
      }
    }
    return new Normalised(y, new RunningStats(runningMean, runningVar));
  }

  /** Whether BatchNorm normalises with the batch's statistics: in TRAINING mode only. */
  protected boolean useBatchStatistics(Mode mode) {
    return mode == Mode.TRAINING;
  }

  /** The variance BatchNorm normalises with in TRAINING mode: the biased one. */
  protected double normalisingVariance(double biased, double unbiased) {
    return biased;
  }

  /** The denominator of the normalisation: {@code sqrt(var + eps)}. */
  protected double standardDeviation(double var) {
    return Math.sqrt(var + EPS);
  }

  /** The batch variance that enters the running variance: the unbiased one. */
  protected double runningVarianceSample(double biased, double unbiased) {
    return unbiased;
  }

  /** {@code (1 - momentum) * running + momentum * batch}. */
  protected double updateRunning(double running, double batch) {
    return (1 - MOMENTUM) * running + MOMENTUM * batch;
  }

  /** MaxPool2d(2): kernel 2, stride 2, floor mode. */
  protected double[][][][] maxPool2(double[][][][] x) {
    int n = x.length;
    int c = x[0].length;
    int oh = x[0][0].length / 2;
    int ow = x[0][0][0].length / 2;
    if (oh < 1 || ow < 1) {
      throw new IllegalArgumentException(
          "MaxPool2d(2) needs at least 2x2, got " + x[0][0].length + "x" + x[0][0][0].length);
    }
    double[][][][] out = new double[n][c][oh][ow];
    for (int b = 0; b < n; b++) {
      for (int k = 0; k < c; k++) {
        for (int i = 0; i < oh; i++) {
          for (int j = 0; j < ow; j++) {
            double[][] plane = x[b][k];
            out[b][k][i][j] =
                Math.max(
                    Math.max(plane[2 * i][2 * j], plane[2 * i][2 * j + 1]),
                    Math.max(plane[2 * i + 1][2 * j], plane[2 * i + 1][2 * j + 1]));
          }
        }
      }
    }
    return out;
  }

  /** AdaptiveAvgPool2d(1) and flatten: {@code out[n][c] = mean over (i, j) of x[n][c][i][j]}. */
  protected double[][] globalPool(double[][][][] x) {
    double[][] out = new double[x.length][x[0].length];
    for (int b = 0; b < x.length; b++) {
      for (int c = 0; c < x[0].length; c++) {
        double sum = 0;
        int count = 0;
        for (double[] row : x[b][c]) {
          for (double v : row) {
            sum += v;
            count++;
          }
        }
        out[b][c] = sum / count;
      }
    }
    return out;
  }

  /** Linear: {@code y[n][k] = b[k] + sum_c W[k][c] * x[n][c]}. */
  protected static double[][] linear(double[][] x, double[][] weight, double[] bias) {
    double[][] out = new double[x.length][weight.length];
    for (int n = 0; n < x.length; n++) {
      for (int k = 0; k < weight.length; k++) {
        double sum = 0;
        for (int c = 0; c < x[n].length; c++) {
          sum += weight[k][c] * x[n][c];
        }
        out[n][k] = sum + bias[k];
      }
    }
    return out;
  }

  /** Elementwise {@code max(0, v)}. */
  protected static double[][][][] relu(double[][][][] x) {
    double[][][][] out = copy(x);
    for (double[][][] image : out) {
      for (double[][] plane : image) {
        for (double[] row : plane) {
          for (int j = 0; j < row.length; j++) {
            row[j] = Math.max(0, row[j]);
          }
        }
      }
    }
    return out;
  }

  /** Elementwise sum of two tensors of the same shape. */
  protected static double[][][][] add(double[][][][] a, double[][][][] b) {
    double[][][][] out = copy(a);
    for (int n = 0; n < out.length; n++) {
      for (int c = 0; c < out[n].length; c++) {
        for (int i = 0; i < out[n][c].length; i++) {
          for (int j = 0; j < out[n][c][i].length; j++) {
            out[n][c][i][j] += b[n][c][i][j];
          }
        }
      }
    }
    return out;
  }

  /** A deep copy. */
  protected static double[][][][] copy(double[][][][] x) {
    double[][][][] out = new double[x.length][][][];
    for (int n = 0; n < x.length; n++) {
      out[n] = new double[x[n].length][][];
      for (int c = 0; c < x[n].length; c++) {
        out[n][c] = new double[x[n][c].length][];
        for (int i = 0; i < x[n][c].length; i++) {
          out[n][c][i] = x[n][c][i].clone();
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
