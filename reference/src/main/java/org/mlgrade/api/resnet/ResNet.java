package org.mlgrade.api.resnet;

/**
 * Homework "ResNet": the forward pass of a residual network, exactly as PyTorch computes it in
 * float64 ({@code torch.set_default_dtype(torch.float64)}). Your answers are compared with
 * PyTorch's to about 1e-12 relative, so follow the conventions below to the letter.
 *
 * <h2>Tensors</h2>
 *
 * <p>Activations are {@code double[N][C][H][W]} arrays (batch, channel, row, column): {@code
 * x[n][c][i][j]}. Convolution weights use PyTorch's layout {@code w[out][in][kH][kW]}.
 *
 * <h2>Building blocks</h2>
 *
 * <ul>
 *   <li><b>Conv2d</b> (no bias) is a cross-correlation: the kernel is <i>not</i> flipped. With
 *       stride s and zero padding p, {@code out[n][o][i][j] = sum over in, a, b of w[o][in][a][b] *
 *       xp[n][in][s*i + a][s*j + b]}, where {@code xp} is {@code x} surrounded by p rows and columns
 *       of zeros on every side; {@code a, b = 0, 1, 2} for a 3x3 kernel. Output size {@code
 *       floor((H + 2p - 3) / s) + 1}. The block's convolutions use s = 1, p = 1 (size kept), the
 *       stem's s = 2, p = 1.
 *   <li><b>BatchNorm2d(C)</b>, {@code eps = }{@value #EPS}, {@code momentum = }{@value #MOMENTUM}.
 *       For each channel c, let the batch statistics over the {@code m = N * H * W} values {@code
 *       x[.][c][.][.]} be {@code mean_c = sum x / m}, the <b>biased</b> variance {@code var_c = sum
 *       (x - mean_c)^2 / m} and the <b>unbiased</b> variance {@code uvar_c = sum (x - mean_c)^2 /
 *       (m - 1)}.
 *       <ul>
 *         <li>TRAINING mode: {@code y = (x - mean_c) / sqrt(var_c + eps) * gamma_c + beta_c} (biased
 *             variance, eps inside the square root), and the running statistics are updated with
 *             the <b>unbiased</b> variance: {@code runningMean_c <- (1 - momentum) * runningMean_c
 *             + momentum * mean_c}, {@code runningVar_c <- (1 - momentum) * runningVar_c +
 *             momentum * uvar_c}. PyTorch refuses a batch with one value per channel ({@code m =
 *             1}: "Expected more than 1 value per channel when training"), and so do the input
 *             records: such inputs are never given. {@code N = 1} with {@code H * W > 1} is fine.
 *         <li>EVAL mode: {@code y = (x - runningMean_c) / sqrt(runningVar_c + eps) * gamma_c +
 *             beta_c}; the batch statistics are not used and the running statistics are returned
 *             unchanged.
 *       </ul>
 *   <li><b>ReLU</b>: {@code max(0, v)} elementwise.
 *   <li><b>MaxPool2d(2)</b>: kernel 2, stride 2, no padding, floor mode: {@code out[n][c][i][j] =
 *       max of x[n][c][2i + a][2j + b]} for {@code a, b in {0, 1}}; output size {@code floor(H / 2)
 *       x floor(W / 2)}, so a last odd row or column is dropped.
 *   <li><b>AdaptiveAvgPool2d(1)</b>: the mean over H and W of each (n, c), giving (N, C).
 *   <li><b>Linear(C, 10)</b>: {@code y = x W^T + b}, that is {@code y[n][k] = b[k] + sum over c of
 *       W[k][c] * x[n][c]}, with {@code W} of shape (10, C).
 * </ul>
 *
 * <h2>Worked examples</h2>
 *
 * <p>BatchNorm2d(1), {@code gamma = [1], beta = [0], runningMean = [0], runningVar = [1]}, input
 * {@code x} of shape (1, 1, 2, 2) with values {@code [[1, 2], [3, 4]]}:
 *
 * <ul>
 *   <li>TRAINING: {@code mean = 2.5}, {@code var = (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25}, {@code
 *       y = (x - 2.5) / sqrt(1.25001) = [[-1.3416354199689, -0.4472118066563], [0.4472118066563,
 *       1.3416354199689]]}; {@code uvar = 5 / 3}, so {@code runningMean = 0.9 * 0 + 0.1 * 2.5 =
 *       0.25} and {@code runningVar = 0.9 * 1 + 0.1 * 5 / 3 = 1.0666666666667}.
 *   <li>EVAL: {@code y = x / sqrt(1.00001) = [[0.9999950000375, 1.9999900000750],
 *       [2.9999850001125, 3.9999800001500]]}; running statistics stay {@code [0]} and {@code [1]}.
 * </ul>
 *
 * <p>Basic block in TRAINING mode, C = 1, N = 2, H = W = 1, {@code x = [1, 3]} (one value per
 * image), both BatchNorms with {@code gamma = 1, beta = 0}, running statistics {@code 0} and
 * {@code 1}, conv1 all zero but its centre weight 1, conv2 all zero but its centre weight 2 (on a
 * 1x1 image with padding 1 only the centre weight meets a non-zero value): conv1 gives {@code [1,
 * 3]}; bn1 ({@code mean 2, var 1}) gives {@code [-0.999995, 0.999995]}; ReLU {@code [0,
 * 0.999995]}; conv2 {@code [0, 1.99999]}; bn2 gives {@code [-0.9999949999875, 0.9999949999875]};
 * adding {@code x} and applying ReLU gives {@code y = [0.0000050000125, 3.9999949999875]}. Running
 * statistics: bn1 {@code mean = 0.1 * 2 = 0.2}, {@code var = 0.9 + 0.1 * 2 = 1.1} (unbiased
 * variance of {@code [1, 3]} is 2); bn2 {@code mean = 0.1 * 0.999995 = 0.0999995}, {@code var =
 * 0.9 + 0.1 * 1.99999^2 / 2 = 1.09999800002}.
 */
public interface ResNet {

  /** BatchNorm2d's {@code eps}, added to the variance inside the square root. */
  double EPS = 1e-5;

  /** BatchNorm2d's {@code momentum}: the weight of the new batch statistic in the running one. */
  double MOMENTUM = 0.1;

  /**
   * One {@code BatchNorm2d(C)} forward pass, {@code bn(x)} after {@code bn.train()} or {@code
   * bn.eval()}.
   *
   * @param input {@code x} of shape (N, C, H, W), the layer's parameters and the mode
   * @return {@code y} of the same shape, and the running statistics after the pass (in EVAL mode
   *     equal to the input's)
   */
  BatchNormOutput batchNorm(BatchNormInput input);

  /**
   * The residual basic block (He et al. 2016), without downsampling:
   *
   * <pre>
   * Block(x) = ReLU( x + BN2(Conv2(ReLU(BN1(Conv1(x))))) )
   * </pre>
   *
   * <p>Conv1 and Conv2 are 3x3, C to C channels, stride 1, padding 1, no bias, so every tensor keeps
   * the shape (N, C, H, W). Note the order: the second BatchNorm's output is added to {@code x}
   * first and the ReLU comes after the sum.
   *
   * @param input {@code x} of shape (N, C, H, W), the block's parameters and the mode (for both
   *     BatchNorms)
   * @return {@code y} of shape (N, C, H, W) and the running statistics of bn1 and bn2 after the pass
   */
  BlockOutput basicBlock(BlockInput input);

  /**
   * The shallow residual network for 10 classes:
   *
   * <pre>
   * images (N, 1, H, W)
   *   -> Conv2d(1, C, 3, stride 2, padding 1, no bias)  (N, C, H1, W1), H1 = floor((H - 1) / 2) + 1
   *   -> BatchNorm2d(C) -> ReLU
   *   -> MaxPool2d(2)                                    (N, C, H2, W2), H2 = floor(H1 / 2)
   *   -> basic block (see basicBlock)                    (N, C, H2, W2)
   *   -> AdaptiveAvgPool2d(1)                            (N, C)
   *   -> Linear(C, 10)                                   (N, 10)
   * </pre>
   *
   * <p>(W1 and W2 likewise.) For example H = 7 gives H1 = 4 and H2 = 2; H = 5 gives H1 = 3 and H2
   * = 1, the last row of the stem's output being dropped by the pool. All three BatchNorms run in
   * the input's mode.
   *
   * @param input the images, all parameters and the mode
   * @return the logits (N, 10) and the running statistics of the stem's BatchNorm and of the
   *     block's bn1 and bn2 after the pass
   */
  ShallowNetOutput shallowNet(ShallowNetInput input);
}
