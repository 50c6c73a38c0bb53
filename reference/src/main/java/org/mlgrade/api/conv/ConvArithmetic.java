package org.mlgrade.api.conv;

/**
 * Convolution arithmetic: shapes, parameters and multiplications of convolution and pooling
 * layers, with PyTorch's {@code Conv2d} / {@code MaxPool2d} / {@code AvgPool2d} semantics.
 *
 * <h2>The output size of one layer</h2>
 *
 * A layer with a k x k window, stride s and padding p (p zero rows above <em>and</em> p below, p
 * zero columns left <em>and</em> p right) turns an input of height H into an output of height
 *
 * <pre>   H_out = floor((H + 2p - k) / s) + 1</pre>
 *
 * and the same for the width. The division rounds <em>down</em>: a window that would stick out
 * past the padded input is dropped. This is the number of positions {@code 0, s, 2s, ...} at which
 * a window of side k fits inside the padded side {@code H + 2p}. The same formula holds for
 * pooling (floor, never ceil). A convolution's output depth is its number of filters; a pooling
 * layer keeps the depth. When the window does not fit at all ({@code k > H + 2p} or {@code k > W
 * + 2p}) throw an {@link IllegalArgumentException} that names the layer and the shape, for example
 * "layer 2 (conv 4 filters 3x3, stride 2, padding 0) does not fit its input 2x2x2".
 *
 * <h2>Costs</h2>
 *
 * For a convolution with F filters of size k x k on an input of depth C, producing an output of
 * H_out x W_out x F:
 *
 * <ul>
 *   <li>weights (no biases) = k * k * C * F;
 *   <li>parameters = weights + F (one bias per filter);
 *   <li>multiplications = H_out * W_out * F * (k * k * C): every output value is one dot product
 *       of a filter with a k x k x C window.
 * </ul>
 *
 * Pooling layers have no weights, no parameters and count 0 multiplications. Counts are
 * {@code long}: they exceed 2^31 for real networks.
 *
 * <h2>Worked examples</h2>
 *
 * <ul>
 *   <li>8x8x3 -> conv 2 filters 2x2, stride 1 -> 7x7x2 (floor((8-2)/1)+1 = 7; 2*2*3*2 = 24
 *       weights) -> conv 4 filters 3x3, stride 2 -> 3x3x4 (floor((7-3)/2)+1 = 3; 3*3*2*4 = 72
 *       weights) -> max pool 2x2, stride 1 -> 2x2x4. In total 24 + 72 = 96 weights and 96 + 2 + 4
 *       = 102 parameters.
 *   <li>27x27x256 -> conv 384 filters 3x3, stride 1, padding 0 -> 25x25x384; 3*3*256*384 + 384 =
 *       885,120 parameters; 25*25*384 * 3*3*256 = 552,960,000 multiplications.
 *   <li>MNIST 28x28x1 -> conv 20 filters 5x5, stride 1 -> 24x24x20 -> max pool 2x2, stride 2 ->
 *       12x12x20.
 * </ul>
 */
public interface ConvArithmetic {

  /**
   * The output shape of every layer of the chain, in order.
   *
   * <p>Example: input 28x28x1, layers {@code conv(20, 5, 1, 0)}, {@code maxPool(2, 2)} gives
   * outputs [24x24x20, 12x12x20].
   *
   * @param chain the input shape and the layers, in order
   * @return the output shape of each layer, in order
   * @throws IllegalArgumentException if some layer's window does not fit its (padded) input
   */
  ChainShapes outputShapes(Chain chain);

  /**
   * The weights, parameters and multiplications of every layer of the chain and their sums.
   *
   * <p>Example: input 27x27x256, one layer {@code conv(384, 3, 1, 0)} gives one {@link LayerCost}
   * (884,736 weights, 885,120 parameters, 552,960,000 multiplications) and the same three totals.
   *
   * @param chain the input shape and the layers, in order
   * @return the cost of each layer, in order, and the totals
   * @throws IllegalArgumentException if some layer's window does not fit its (padded) input
   */
  ChainCost costs(Chain chain);

  /**
   * Finds a convolution (square k x k filters, stride s, the search's padding) that, followed by
   * the search's pooling layer, turns {@code search.input()} into exactly {@code search.target()}
   * (height, width and depth).
   *
   * <p><b>Any valid answer earns the points.</b> An answer is valid when {@code kernel >= 1},
   * {@code stride >= 1}, {@code filters} equals the target depth, the filter fits the padded
   * input, the pool fits the convolution's output, and the formula above gives the target height
   * and width. Several answers can be valid because of the floor in the formula; if you want the
   * answer the feedback shows, pick the smallest stride and, for that stride, the largest kernel.
   * Every test has at least one valid answer.
   *
   * <p>Example: 12x12x20, padding 0, then a 2x2 max pool with stride 2, into 4x4x50: the pool
   * needs a convolution output of 8 or 9 (floor((8-2)/2)+1 = floor((9-2)/2)+1 = 4); with stride 1
   * a 5x5 kernel gives 12-5+1 = 8, so {@code new ConvChoice(5, 1, 50)}. (A 4x4 kernel, giving 9,
   * is valid too.)
   *
   * @param search the input shape, the padding, the pooling layer and the target shape
   * @return a valid kernel size, stride and number of filters
   */
  ConvChoice findConv(LayerSearch search);
}
