package org.mlgrade.api.conv;

import org.mlgrade.api.Shape;

/**
 * The inverse question: which convolution, followed by a given pooling layer, turns {@code input}
 * into {@code target}?
 *
 * @param input the shape entering the convolution
 * @param target the wanted shape after the convolution AND the pooling
 * @param padding the convolution's padding p (given, not searched)
 * @param pool the pooling layer applied after the convolution, of kind {@link LayerKind#MAX_POOL}
 *     or {@link LayerKind#AVG_POOL}; a 1x1 pool with stride 1 and no padding means "no pooling"
 */
public record LayerSearch(Shape input, Shape target, int padding, Layer pool) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param input the shape entering the convolution
   * @param target the wanted shape after the convolution AND the pooling
   * @param padding the convolution's padding p (given, not searched)
   * @param pool the pooling layer applied after the convolution, of kind {@link LayerKind#MAX_POOL}
   *     or {@link LayerKind#AVG_POOL}; a 1x1 pool with stride 1 and no padding means "no pooling"
   */
  public LayerSearch {
    if (input == null || target == null) {
      throw new IllegalArgumentException("input and target shapes must not be null");
    }
    if (padding < 0) {
      throw new IllegalArgumentException("padding must be >= 0, got " + padding);
    }
    if (pool == null || pool.kind() == LayerKind.CONV) {
      throw new IllegalArgumentException(
          "pool must be a MAX_POOL or AVG_POOL layer (1x1, stride 1 for none), got " + pool);
    }
  }
}
