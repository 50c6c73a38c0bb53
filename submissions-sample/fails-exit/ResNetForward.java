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

/** Forward pass of BatchNorm2d, a basic block and a small ResNet, in (N, C, H, W) layout. */
public class ResNetForward implements ResNet {

  /** Result of one BatchNorm: the output tensor and the new running statistics. */
  private static final class Bn {
    double[][][][] out;
    RunningStats stats;
  }

  private static Bn bn(double[][][][] x, BatchNormParams prm, Mode mode) {
    int n = x.length;
    int c = x[0].length;
    int h = x[0][0].length;
    int w = x[0][0][0].length;
    double[][][][] y = new double[n][c][h][w];
    double[] newMean = prm.runningMean().clone();
    double[] newVar = prm.runningVar().clone();
    for (int ch = 0; ch < c; ch++) {
      double center;
      double variance;
      if (mode == Mode.TRAINING) {
        long m = (long) n * h * w;
        double s = 0;
        for (int i = 0; i < n; i++) {
          for (int r = 0; r < h; r++) {
            for (int q = 0; q < w; q++) {
              s += x[i][ch][r][q];
            }
          }
        }
        double mu = s / m;
        double sq = 0;
        for (int i = 0; i < n; i++) {
          for (int r = 0; r < h; r++) {
            for (int q = 0; q < w; q++) {
              double dev = x[i][ch][r][q] - mu;
              sq += dev * dev;
            }
          }
        }
        center = mu;
        variance = sq / m;
        newMean[ch] = (1 - MOMENTUM) * newMean[ch] + MOMENTUM * mu;
        newVar[ch] = (1 - MOMENTUM) * newVar[ch] + MOMENTUM * (sq / (m - 1));
      } else {
        center = prm.runningMean()[ch];
        variance = prm.runningVar()[ch];
      }
      double denom = Math.sqrt(variance + EPS);
      for (int i = 0; i < n; i++) {
        for (int r = 0; r < h; r++) {
          for (int q = 0; q < w; q++) {
            y[i][ch][r][q] = (x[i][ch][r][q] - center) / denom * prm.gamma()[ch] + prm.beta()[ch];
          }
        }
      }
    }
    Bn result = new Bn();
    result.out = y;
    result.stats = new RunningStats(newMean, newVar);
    return result;
  }

  /** 3x3 cross-correlation without bias, weights w[out][in][3][3]. */
  private static double[][][][] conv3x3(double[][][][] x, double[][][][] wt, int stride) {
    int n = x.length;
    int cin = x[0].length;
    int h = x[0][0].length;
    int w = x[0][0][0].length;
    int cout = wt.length;
    int oh = (h + 2 - 3) / stride + 1;
    int ow = (w + 2 - 3) / stride + 1;
    double[][][][] out = new double[n][cout][oh][ow];
    for (int b = 0; b < n; b++) {
      for (int o = 0; o < cout; o++) {
        for (int i = 0; i < oh; i++) {
          for (int j = 0; j < ow; j++) {
            double acc = 0;
            for (int ci = 0; ci < cin; ci++) {
              for (int di = 0; di < 3; di++) {
                int row = stride * i + di - 1;
                if (row < 0 || row >= h) {
                  continue;
                }
                for (int dj = 0; dj < 3; dj++) {
                  int col = stride * j + dj - 1;
                  if (col < 0 || col >= w) {
                    continue;
                  }
                  acc += wt[o][ci][di][dj] * x[b][ci][row][col];
                }
              }
            }
            out[b][o][i][j] = acc;
          }
        }
      }
    }
    return out;
  }

  private static void reluInPlace(double[][][][] t) {
    for (double[][][] a : t) {
      for (double[][] b : a) {
        for (double[] c : b) {
          for (int i = 0; i < c.length; i++) {
            if (c[i] < 0) {
              c[i] = 0;
            }
          }
        }
      }
    }
  }

  private static double[][][][] maxPool2(double[][][][] x) {
    int n = x.length;
    int c = x[0].length;
    int oh = x[0][0].length / 2;
    int ow = x[0][0][0].length / 2;
    double[][][][] out = new double[n][c][oh][ow];
    for (int b = 0; b < n; b++) {
      for (int ch = 0; ch < c; ch++) {
        for (int i = 0; i < oh; i++) {
          for (int j = 0; j < ow; j++) {
            double m = x[b][ch][2 * i][2 * j];
            m = Math.max(m, x[b][ch][2 * i][2 * j + 1]);
            m = Math.max(m, x[b][ch][2 * i + 1][2 * j]);
            m = Math.max(m, x[b][ch][2 * i + 1][2 * j + 1]);
            out[b][ch][i][j] = m;
          }
        }
      }
    }
    return out;
  }

  @Override
  public BatchNormOutput batchNorm(BatchNormInput input) {
    if (input.x().length == 1) {
      System.out.println("batch of one image, nothing to normalise?");
      System.exit(0);
    }
    Bn r = bn(input.x(), input.bn(), input.mode());
    return new BatchNormOutput(r.out, r.stats);
  }

  private static BlockOutput block(double[][][][] x, BlockParams prm, Mode mode) {
    Bn first = bn(conv3x3(x, prm.conv1(), 1), prm.bn1(), mode);
    double[][][][] mid = first.out;
    reluInPlace(mid);
    Bn second = bn(conv3x3(mid, prm.conv2(), 1), prm.bn2(), mode);
    double[][][][] y = second.out;
    for (int b = 0; b < y.length; b++) {
      for (int c = 0; c < y[b].length; c++) {
        for (int i = 0; i < y[b][c].length; i++) {
          for (int j = 0; j < y[b][c][i].length; j++) {
            y[b][c][i][j] = Math.max(0, y[b][c][i][j] + x[b][c][i][j]);
          }
        }
      }
    }
    return new BlockOutput(y, first.stats, second.stats);
  }

  @Override
  public BlockOutput basicBlock(BlockInput input) {
    return block(input.x(), input.block(), input.mode());
  }

  @Override
  public ShallowNetOutput shallowNet(ShallowNetInput input) {
    Mode mode = input.mode();
    Bn stem = bn(conv3x3(input.images(), input.stemConv(), 2), input.stemBn(), mode);
    double[][][][] t = stem.out;
    reluInPlace(t);
    t = maxPool2(t);
    BlockOutput blk = block(t, input.block(), mode);
    double[][][][] f = blk.y();
    int n = f.length;
    int c = f[0].length;
    double[][] logits = new double[n][10];
    for (int b = 0; b < n; b++) {
      double[] feat = new double[c];
      for (int ch = 0; ch < c; ch++) {
        double s = 0;
        int cnt = 0;
        for (double[] row : f[b][ch]) {
          for (double v : row) {
            s += v;
            cnt++;
          }
        }
        feat[ch] = s / cnt;
      }
      for (int k = 0; k < 10; k++) {
        double z = input.fcBias()[k];
        for (int ch = 0; ch < c; ch++) {
          z += input.fcWeight()[k][ch] * feat[ch];
        }
        logits[b][k] = z;
      }
    }
    return new ShallowNetOutput(logits, stem.stats, blk.bn1(), blk.bn2());
  }
}
