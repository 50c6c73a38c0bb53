package org.mlgrade.api.conv;

import org.mlgrade.api.Shape;
import java.util.List;
import java.util.Objects;

/**
 * The output shape of every layer of a {@link Chain}.
 *
 * @param outputs {@code outputs.get(i)} is the shape that layer {@code i} produces (and layer
 *     {@code i + 1} receives); one entry per layer, the last one is the chain's output
 */
public record ChainShapes(List<Shape> outputs) {

  /**
   * Checks the components as described above, and throws on an invalid one.
   *
   * @param outputs {@code outputs.get(i)} is the shape that layer {@code i} produces (and layer
   *     {@code i + 1} receives); one entry per layer, the last one is the chain's output
   */
  public ChainShapes {
    if (outputs == null || outputs.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("outputs must be a list of shapes, got " + outputs);
    }
    outputs = List.copyOf(outputs);
  }
}
