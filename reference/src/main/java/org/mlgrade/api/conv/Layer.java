package org.mlgrade.api.conv;

/**
 * One convolution or pooling layer with a square k x k window, the same stride along rows and
 * columns and the same zero padding on all four sides (PyTorch's {@code Conv2d}, {@code MaxPool2d}
 * and {@code AvgPool2d} with {@code dilation=1}, {@code ceil_mode=False}).
 *
 * @param kind convolution or pooling
 * @param kernel the window side k, at least 1
 * @param stride the step s between two windows, at least 1
 * @param padding the number p of zero rows added above AND below, and of zero columns added left
 *     AND right, at least 0; at most k/2 for pooling (PyTorch's rule)
 * @param filters for {@link LayerKind#CONV} the number of filters (= output depth), at least 1;
 *     for pooling 0 (pooling keeps the depth)
 */
public record Layer(LayerKind kind, int kernel, int stride, int padding, int filters) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param kind convolution or pooling
   * @param kernel the window side k, at least 1
   * @param stride the step s between two windows, at least 1
   * @param padding the number p of zero rows added above AND below, and of zero columns added left
   *     AND right, at least 0; at most k/2 for pooling (PyTorch's rule)
   * @param filters for {@link LayerKind#CONV} the number of filters (= output depth), at least 1;
   *     for pooling 0 (pooling keeps the depth)
   */
  public Layer {
    if (kind == null) {
      throw new IllegalArgumentException("layer kind must be CONV, MAX_POOL or AVG_POOL, got null");
    }
    if (kernel < 1) {
      throw new IllegalArgumentException("kernel must be >= 1, got " + kernel);
    }
    if (stride < 1) {
      throw new IllegalArgumentException("stride must be >= 1, got " + stride);
    }
    if (padding < 0) {
      throw new IllegalArgumentException("padding must be >= 0, got " + padding);
    }
    if (kind == LayerKind.CONV && filters < 1) {
      throw new IllegalArgumentException("a CONV layer needs filters >= 1, got " + filters);
    }
    if (kind != LayerKind.CONV && filters != 0) {
      throw new IllegalArgumentException(
          "a pooling layer keeps the depth: filters must be 0, got " + filters);
    }
    if (kind != LayerKind.CONV && padding > kernel / 2) {
      throw new IllegalArgumentException(
          "pooling padding must be at most half the kernel (" + kernel / 2 + " for a " + kernel
              + "x" + kernel + " window), got " + padding);
    }
  }

  /**
   * A convolution of {@code filters} filters of size {@code kernel x kernel}.
   *
   * @param filters number of filters, the output depth
   * @param kernel filter height and width
   * @param stride step of the filter
   * @param padding zeros added on each side of the input
   * @return the layer
   */
  public static Layer conv(int filters, int kernel, int stride, int padding) {
    return new Layer(LayerKind.CONV, kernel, stride, padding, filters);
  }

  /**
   * A max pooling layer without padding.
   *
   * @param kernel window height and width
   * @param stride step of the window
   * @return the layer
   */
  public static Layer maxPool(int kernel, int stride) {
    return new Layer(LayerKind.MAX_POOL, kernel, stride, 0, 0);
  }

  /**
   * An average pooling layer without padding.
   *
   * @param kernel window height and width
   * @param stride step of the window
   * @return the layer
   */
  public static Layer avgPool(int kernel, int stride) {
    return new Layer(LayerKind.AVG_POOL, kernel, stride, 0, 0);
  }

  @Override
  public String toString() {
    String window = kernel + "x" + kernel + ", stride " + stride + ", padding " + padding;
    return switch (kind) {
      case CONV -> "conv " + filters + " filters " + window;
      case MAX_POOL -> "max pool " + window;
      case AVG_POOL -> "avg pool " + window;
    };
  }
}
