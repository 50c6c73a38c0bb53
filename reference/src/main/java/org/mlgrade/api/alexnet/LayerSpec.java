package org.mlgrade.api.alexnet;

/**
 * One layer of a network: a convolution (optionally followed by a max pooling) or a fully
 * connected layer. Activations and local response normalisation do not change any count and are
 * not described.
 *
 * @param name a label such as {@code "conv2"}, only used in messages
 * @param type {@link LayerType#CONV} or {@link LayerType#FC}
 * @param kernel CONV: the filter side k (filters are k x k), at least 1; FC: 0
 * @param stride CONV: the stride s, at least 1; FC: 0
 * @param padding CONV: zero padding p on every side (p rows above and p below, p columns left
 *     and p right), at least 0; FC: 0
 * @param outputs CONV: the number of filters F (the output depth); FC: the number of output
 *     units; at least 1
 * @param groups CONV: the number g of groups the channels are split into (AlexNet's two GPUs:
 *     g = 2), at least 1; each filter sees only the {@code C / g} input channels of its group, and
 *     g must divide both the input depth C and F; FC: 1
 * @param poolKernel side of the max pooling window applied after this layer, 0 for no pooling
 *     (always 0 for FC)
 * @param poolStride stride of that pooling, 0 exactly when {@code poolKernel} is 0
 */
public record LayerSpec(String name, LayerType type, int kernel, int stride, int padding,
    int outputs, int groups, int poolKernel, int poolStride) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param name a label such as {@code "conv2"}, only used in messages
   * @param type {@link LayerType#CONV} or {@link LayerType#FC}
   * @param kernel CONV: the filter side k (filters are k x k), at least 1; FC: 0
   * @param stride CONV: the stride s, at least 1; FC: 0
   * @param padding CONV: zero padding p on every side (p rows above and p below, p columns left and
   *     p right), at least 0; FC: 0
   * @param outputs CONV: the number of filters F (the output depth); FC: the number of output
   *     units; at least 1
   * @param groups CONV: the number g of groups the channels are split into (AlexNet's two GPUs: g =
   *     2), at least 1; each filter sees only the {@code C / g} input channels of its group, and g
   *     must divide both the input depth C and F; FC: 1
   * @param poolKernel side of the max pooling window applied after this layer, 0 for no pooling
   *     (always 0 for FC)
   * @param poolStride stride of that pooling, 0 exactly when {@code poolKernel} is 0
   */
  public LayerSpec {
    if (name == null || type == null) {
      throw new IllegalArgumentException("a layer needs a name and a type (CONV or FC)");
    }
    if (outputs < 1) {
      throw new IllegalArgumentException(name + ": outputs must be >= 1, got " + outputs);
    }
    if (type == LayerType.CONV) {
      if (kernel < 1 || stride < 1 || padding < 0) {
        throw new IllegalArgumentException(name + ": a CONV layer needs kernel >= 1, stride >= 1"
            + " and padding >= 0, got kernel " + kernel + ", stride " + stride + ", padding "
            + padding);
      }
      if (groups < 1 || outputs % groups != 0) {
        throw new IllegalArgumentException(name + ": groups must be >= 1 and divide the "
            + outputs + " filters, got " + groups);
      }
      if ((poolKernel == 0) != (poolStride == 0) || poolKernel < 0 || poolStride < 0) {
        throw new IllegalArgumentException(name + ": pooling needs poolKernel >= 1 and"
            + " poolStride >= 1, or both 0 for no pooling, got " + poolKernel + " and "
            + poolStride);
      }
    } else if (kernel != 0 || stride != 0 || padding != 0 || groups != 1 || poolKernel != 0
        || poolStride != 0) {
      throw new IllegalArgumentException(name + ": an FC layer has kernel, stride, padding,"
          + " poolKernel and poolStride 0 and groups 1");
    }
  }

  /**
   * A convolution without pooling; add pooling with {@link #pooled}.
   *
   * @param name a label such as {@code "conv2"}, only used in messages
   * @param filters the number of filters F (the output depth)
   * @param kernel the filter side k
   * @param stride the stride s
   * @param padding zero padding p on every side
   * @param groups the number g of groups the channels are split into (AlexNet's two GPUs: g = 2;
   *     otherwise 1)
   * @return the layer
   */
  public static LayerSpec conv(String name, int filters, int kernel, int stride, int padding,
      int groups) {
    return new LayerSpec(name, LayerType.CONV, kernel, stride, padding, filters, groups, 0, 0);
  }

  /**
   * A fully connected layer with {@code outputs} units.
   *
   * @param name a label such as {@code "fc6"}, only used in messages
   * @param outputs the number of output units
   * @return the layer
   */
  public static LayerSpec fc(String name, int outputs) {
    return new LayerSpec(name, LayerType.FC, 0, 0, 0, outputs, 1, 0, 0);
  }

  /**
   * This convolution followed by max pooling {@code poolKernel x poolKernel}, stride given.
   *
   * @param poolKernel pooling window height and width
   * @param poolStride step of the pooling window
   * @return a copy of this layer with the pooling
   */
  public LayerSpec pooled(int poolKernel, int poolStride) {
    return new LayerSpec(name, type, kernel, stride, padding, outputs, groups, poolKernel,
        poolStride);
  }
}
