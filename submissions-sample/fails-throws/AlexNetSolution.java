import java.util.ArrayList;
import java.util.List;
import org.mlgrade.api.alexnet.AlexNetCounts;
import org.mlgrade.api.alexnet.Architecture;
import org.mlgrade.api.alexnet.CountTable;
import org.mlgrade.api.alexnet.LayerCounts;
import org.mlgrade.api.alexnet.LayerInput;
import org.mlgrade.api.alexnet.LayerSpec;
import org.mlgrade.api.alexnet.LayerType;
import org.mlgrade.api.Shape;

/** Homework: counting neurons, weights and connections of AlexNet-like networks. */
public class AlexNetSolution implements AlexNetCounts {

  public AlexNetSolution() {}

  @Override
  public LayerCounts layerCounts(LayerInput in) {
    return count(in.input(), in.layer());
  }

  @Override
  public CountTable table(Architecture architecture) {
    List<LayerCounts> rows = new ArrayList<>();
    Shape current = architecture.input();
    long totalUnits = 0;
    long totalWeights = 0;
    long totalConnections = 0;
    for (LayerSpec spec : architecture.layers()) {
      LayerCounts row = count(current, spec);
      rows.add(row);
      totalUnits += row.units();
      totalWeights += row.weights();
      totalConnections += row.connections();
      current = row.pooled();
    }
    return new CountTable(rows, totalUnits, totalWeights, totalConnections);
  }

  private LayerCounts count(Shape in, LayerSpec spec) {
    if (spec.type() == LayerType.FC) {
      long fanIn = (long) in.height() * in.width() * in.depth();
      long n = spec.outputs();
      Shape out = new Shape(1, 1, spec.outputs());
      return new LayerCounts(out, out, n, fanIn * n, fanIn * n);
    }
    int k = spec.kernel();
    int p = spec.padding();
    int s = spec.stride();
    if (k > in.height() + 2 * p || k > in.width() + 2 * p) {
      throw new IllegalArgumentException("layer " + spec.name() + ": a " + k + "x" + k
          + " filter with padding " + p + " does not fit the input " + in);
    }
    if (in.depth() % spec.groups() != 0) {
      throw new IllegalArgumentException("layer " + spec.name() + ": " + spec.groups()
          + " groups do not divide the input depth " + in.depth());
    }
    int outH = (in.height() + 2 * p - k) / s + 1;
    int outW = (in.width() + 2 * p - k) / s + 1;
    Shape out = new Shape(outH, outW, spec.outputs());

    long channelsPerFilter = in.depth() / spec.groups();
    long perUnit = (long) k * k * channelsPerFilter;
    long units = (long) outH * outW * spec.outputs();
    long weights = perUnit * spec.outputs();
    long connections = units * perUnit;

    Shape pooled = out;
    if (spec.poolKernel() > 0) {
      int pk = spec.poolKernel();
      if (pk > outH || pk > outW) {
        throw new IllegalArgumentException("layer " + spec.name() + ": pooling window " + pk + "x"
            + pk + " does not fit the output " + out);
      }
      int ph = (outH - pk) / spec.poolStride() + 1;
      int pw = (outW - pk) / spec.poolStride() + 1;
      pooled = new Shape(ph, pw, spec.outputs());
    }
    return new LayerCounts(out, pooled, units, weights, connections);
  }
}
