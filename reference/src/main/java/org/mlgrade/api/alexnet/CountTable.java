package org.mlgrade.api.alexnet;

import java.util.List;
import java.util.Objects;

/**
 * The counts of every layer of an {@link Architecture} and their sums.
 *
 * @param layers one entry per layer, in order
 * @param units the sum of the layers' units
 * @param weights the sum of the layers' weights (no biases)
 * @param connections the sum of the layers' connections
 */
public record CountTable(List<LayerCounts> layers, long units, long weights, long connections) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param layers one entry per layer, in order
   * @param units the sum of the layers' units
   * @param weights the sum of the layers' weights (no biases)
   * @param connections the sum of the layers' connections
   */
  public CountTable {
    if (layers == null || layers.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("layers must be a list of counts, got " + layers);
    }
    layers = List.copyOf(layers);
  }
}
