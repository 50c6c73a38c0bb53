package org.mlgrade.reference.problems.alexnet;

import org.mlgrade.api.Shape;
import java.util.ArrayList;
import java.util.List;
import org.mlgrade.api.alexnet.AlexNetCounts;
import org.mlgrade.api.alexnet.Architecture;
import org.mlgrade.api.alexnet.CountTable;
import org.mlgrade.api.alexnet.LayerCounts;
import org.mlgrade.api.alexnet.LayerInput;
import org.mlgrade.api.alexnet.LayerSpec;
import org.mlgrade.api.alexnet.LayerType;

/**
 * The reference counts (Krizhevsky et al. 2012, Section 3 and Figure 2).
 *
 * <pre>
 *   CONV: out = floor((in + 2p - k) / s) + 1, units = H_out*W_out*F,
 *         weightsPerUnit = k*k*(C/g), weights = weightsPerUnit*F, connections = units*weightsPerUnit
 *   pool: floor((out - k_p) / s_p) + 1
 *   FC:   units = N, weightsPerUnit = H*W*C, weights = connections = H*W*C*N
 * </pre>
 *
 * Each step is a protected method so that a known mistake can override exactly one of them.
 */
public class AlexNetReference implements AlexNetCounts {

  @Override
  public LayerCounts layerCounts(LayerInput in) {
    return counts(in.input(), in.layer());
  }

  @Override
  public CountTable table(Architecture architecture) {
    List<LayerCounts> layers = new ArrayList<>();
    long units = 0;
    long weights = 0;
    long connections = 0;
    Shape next = architecture.input();
    for (LayerSpec spec : architecture.layers()) {
      LayerCounts counts = counts(next, spec);
      layers.add(counts);
      units = Math.addExact(units, counts.units());
      weights = Math.addExact(weights, counts.weights());
      connections = Math.addExact(connections, counts.connections());
      next = counts.pooled();
    }
    return new CountTable(layers, units, weights, connections);
  }

  /** The counts of {@code spec} receiving {@code in}. */
  protected LayerCounts counts(Shape in, LayerSpec spec) {
    if (in.depth() % spec.groups() != 0) {
      throw new IllegalArgumentException(spec.name() + ": " + spec.groups()
          + " groups do not divide the input depth " + in.depth() + " (input " + in + ")");
    }
    // output shape before pooling, output[H_out, W_out, F]
    Shape output = output(in, spec);
    // pooled shape, what the next layer receives
    Shape pooled = pooled(output, spec);
    // counts
    long perUnit = weightsPerUnit(in, spec);
    long units = units(output, pooled);
    long weights = Math.multiplyExact(perUnit, (long) spec.outputs());
    long connections = connections(units, perUnit, weights);
    return new LayerCounts(output, pooled, units, weights, connections);
  }

  /** The layer's output before pooling. */
  protected Shape output(Shape in, LayerSpec spec) {
    if (spec.type() == LayerType.FC) {
      return new Shape(1, 1, spec.outputs());
    }
    int padded = Math.min(in.height(), in.width()) + 2 * spec.padding();
    if (spec.kernel() > padded) {
      throw new IllegalArgumentException(spec.name() + ": a " + spec.kernel() + "x"
          + spec.kernel() + " filter does not fit the input " + in + " padded by "
          + spec.padding());
    }
    return new Shape(outputSize(in.height(), spec.kernel(), spec.stride(), spec.padding()),
        outputSize(in.width(), spec.kernel(), spec.stride(), spec.padding()), spec.outputs());
  }

  /** The output after the layer's max pooling, or the output itself without pooling. */
  protected Shape pooled(Shape output, LayerSpec spec) {
    if (spec.poolKernel() == 0) {
      return output;
    }
    if (spec.poolKernel() > Math.min(output.height(), output.width())) {
      throw new IllegalArgumentException(spec.name() + ": the " + spec.poolKernel() + "x"
          + spec.poolKernel() + " pooling window does not fit the layer's output " + output);
    }
    return new Shape(outputSize(output.height(), spec.poolKernel(), spec.poolStride(), 0),
        outputSize(output.width(), spec.poolKernel(), spec.poolStride(), 0), output.depth());
  }

  /** {@code floor((size + 2p - k) / s) + 1}; the numerator is {@code >= 0} after the fit check. */
  protected int outputSize(int size, int kernel, int stride, int padding) {
    return Math.floorDiv(size + 2 * padding - kernel, stride) + 1;
  }

  /** CONV: {@code k * k * (C / g)}; FC: {@code H * W * C}. */
  protected long weightsPerUnit(Shape in, LayerSpec spec) {
    if (spec.type() == LayerType.FC) {
      return in.volume();
    }
    return (long) spec.kernel() * spec.kernel() * (in.depth() / spec.groups());
  }

  /** The neurons: the output's volume, before pooling. */
  protected long units(Shape output, Shape pooled) {
    return output.volume();
  }

  /** One multiply-add per weight a unit sees: {@code units * weightsPerUnit}. */
  protected long connections(long units, long weightsPerUnit, long weights) {
    return Math.multiplyExact(units, weightsPerUnit);
  }
}
