package org.mlgrade.api.conv;

import org.mlgrade.api.Shape;
import java.util.List;
import java.util.Objects;

/**
 * An input volume and the layers applied to it one after the other.
 *
 * @param input the shape of the input volume
 * @param layers the layers in order, at least one
 */
public record Chain(Shape input, List<Layer> layers) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param input the shape of the input volume
   * @param layers the layers in order, at least one
   */
  public Chain {
    if (input == null) {
      throw new IllegalArgumentException("chain input shape must not be null");
    }
    if (layers == null || layers.isEmpty()) {
      throw new IllegalArgumentException("a chain needs at least one layer");
    }
    if (layers.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("chain layers must not be null, got " + layers);
    }
    layers = List.copyOf(layers);
  }
}
