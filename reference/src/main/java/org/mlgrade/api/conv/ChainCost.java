package org.mlgrade.api.conv;

import java.util.List;
import java.util.Objects;

/**
 * What a whole {@link Chain} costs.
 *
 * @param layers the cost of every layer, in the chain's order
 * @param weights the sum of the layers' weights (no biases)
 * @param parameters the sum of the layers' parameters (weights and biases)
 * @param multiplications the sum of the layers' multiplications
 */
public record ChainCost(List<LayerCost> layers, long weights, long parameters,
    long multiplications) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param layers the cost of every layer, in the chain's order
   * @param weights the sum of the layers' weights (no biases)
   * @param parameters the sum of the layers' parameters (weights and biases)
   * @param multiplications the sum of the layers' multiplications
   */
  public ChainCost {
    if (layers == null || layers.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("layers must be a list of costs, got " + layers);
    }
    layers = List.copyOf(layers);
  }
}
