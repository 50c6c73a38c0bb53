package org.mlgrade.api.alexnet;

import org.mlgrade.api.Shape;

/**
 * One layer and the shape of the volume it receives.
 *
 * @param input the shape entering the layer
 * @param layer the layer
 */
public record LayerInput(Shape input, LayerSpec layer) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param input the shape entering the layer
   * @param layer the layer
   */
  public LayerInput {
    if (input == null || layer == null) {
      throw new IllegalArgumentException("a layer input needs an input shape and a layer");
    }
    if (input.depth() % layer.groups() != 0) {
      throw new IllegalArgumentException(layer.name() + ": " + layer.groups()
          + " groups do not divide the input depth " + input.depth());
    }
  }
}
