package org.mlgrade.api.alexnet;

import org.mlgrade.api.Shape;
import java.util.List;
import java.util.Objects;

/**
 * A network: the input image's shape and the layers applied in order, each receiving the
 * (pooled) output of the one before.
 *
 * @param input the input image's shape, e.g. 227x227x3 for AlexNet
 * @param layers the layers in order, at least one
 */
public record Architecture(Shape input, List<LayerSpec> layers) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param input the input image's shape, e.g. 227x227x3 for AlexNet
   * @param layers the layers in order, at least one
   */
  public Architecture {
    if (input == null) {
      throw new IllegalArgumentException("architecture input shape must not be null");
    }
    if (layers == null || layers.isEmpty() || layers.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("an architecture needs a non-empty list of layers");
    }
    layers = List.copyOf(layers);
  }
}
