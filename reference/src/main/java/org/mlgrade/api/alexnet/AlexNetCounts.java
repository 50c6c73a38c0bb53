package org.mlgrade.api.alexnet;

/**
 * Counts the units (neurons), weights and connections of each layer of a convolutional network,
 * as in the AlexNet paper (Krizhevsky, Sutskever and Hinton, "ImageNet Classification with Deep
 * Convolutional Neural Networks", NIPS 2012).
 *
 * <h2>Definitions</h2>
 *
 * A convolution with F filters of size k x k, stride s, padding p and g groups, on an input
 * H x W x C:
 *
 * <ul>
 *   <li>output size {@code H_out = floor((H + 2p - k) / s) + 1} (same for the width), output
 *       shape {@code H_out x W_out x F}; padding adds p zero rows above AND p below;
 *   <li>units = {@code H_out * W_out * F}, counted BEFORE pooling;
 *   <li>weights per unit = {@code k * k * (C / g)}: with groups, a filter sees only the channels
 *       of its own group (AlexNet's "two GPUs": g = 2 means each filter of conv2 sees the 48 maps
 *       on its own GPU, not all 96);
 *   <li>weights = {@code weightsPerUnit * F = k * k * (C / g) * F}, biases NOT included;
 *   <li>connections = {@code units * weightsPerUnit} (one multiply-add per weight per unit; the
 *       same weight is shared by all {@code H_out * W_out} positions).
 * </ul>
 *
 * A max pooling k_p x k_p with stride s_p after the layer turns its output into {@code
 * floor((H_out - k_p) / s_p) + 1} (same for the width; no padding; depth unchanged); the pooled
 * shape is what the next layer receives. Pooling has no weights and its outputs are not counted
 * as units.
 *
 * <p>A fully connected layer with N outputs flattens its input H x W x C into {@code H * W * C}
 * values: output shape {@code 1 x 1 x N}, units = N, weights = {@code H * W * C * N} (no biases),
 * connections = weights.
 *
 * <p>Throw {@link IllegalArgumentException} naming the layer when a filter does not fit its
 * padded input ({@code k > H + 2p} or {@code k > W + 2p}), when a pooling window does not fit the
 * layer's output, or when the groups do not divide the layer's input depth.
 *
 * <h2>AlexNet</h2>
 *
 * The input is 227x227x3: the paper says 224x224, but then conv1 (11x11, stride 4, no padding)
 * could not give 55x55 (floor((224 - 11) / 4) + 1 = 54); with 227, (227 - 11) / 4 + 1 = 55.
 *
 * <pre>
 * layer   filters/outputs kernel stride padding groups  pool after
 * conv1        96          11x11    4      0       1     3x3 stride 2
 * conv2       256           5x5     1      2       2     3x3 stride 2
 * conv3       384           3x3     1      1       1     -
 * conv4       384           3x3     1      1       2     -
 * conv5       256           3x3     1      1       2     3x3 stride 2
 * fc1        4096
 * fc2        4096
 * output     1000
 * </pre>
 *
 * Worked example, conv1 and conv2: conv1 gives 55x55x96 = 290,400 units, 11*11*3*96 = 34,848
 * weights and 290,400 * 363 = 105,415,200 connections; its pool gives floor((55 - 3) / 2) + 1 =
 * 27, so conv2 receives 27x27x96. conv2 (padding 2) gives 27x27x256 = 186,624 units; with two
 * groups each filter has 5*5*48 = 1,200 weights, so 1,200 * 256 = 307,200 weights (not 614,400)
 * and 186,624 * 1,200 = 223,948,800 connections.
 */
public interface AlexNetCounts {

  /**
   * The counts of one layer receiving {@code in.input()}.
   *
   * <p>Example: input 27x27x96 and conv2 above give output 27x27x256, pooled 13x13x256, 186,624
   * units, 307,200 weights and 223,948,800 connections.
   *
   * @param in the layer and the shape it receives
   * @return the layer's output and pooled shapes, units, weights and connections
   */
  LayerCounts layerCounts(LayerInput in);

  /**
   * The counts of every layer of the network, in order, and their sums; layer {@code i + 1}
   * receives the pooled shape of layer {@code i}, the first layer the architecture's input.
   *
   * <p>Example: for AlexNet the units of conv1 ... output are 290,400, 186,624, 64,896, 64,896,
   * 43,264, 4,096, 4,096 and 1,000, about the 650,000 neurons of the paper's abstract.
   *
   * @param architecture the network's input shape and its layers, in order
   * @return one row per layer, in order, and the sums of units, weights and connections
   */
  CountTable table(Architecture architecture);
}
