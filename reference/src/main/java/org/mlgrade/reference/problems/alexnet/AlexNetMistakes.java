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
import org.mlgrade.reference.KnownMistake;

/** Wrong answers real students give when they fill in AlexNet's table. */
final class AlexNetMistakes {

  private AlexNetMistakes() {}

  /** Every filter sees all C input channels: conv2/4/5 weights 614,400 / 1,327,104 / 884,736. */
  static final class Ungrouped extends AlexNetReference {
    @Override
    protected long weightsPerUnit(Shape in, LayerSpec spec) {
      return spec.type() == LayerType.FC ? in.volume()
          : (long) spec.kernel() * spec.kernel() * in.depth();
    }
  }

  /** Adds a bias to every unit's weights: conv1 34,944 weights instead of 34,848. */
  static final class CountsBiases extends AlexNetReference {
    @Override
    protected long weightsPerUnit(Shape in, LayerSpec spec) {
      return super.weightsPerUnit(in, spec) + 1;
    }
  }

  /** Counts the units after pooling: conv1 27x27x96 = 69,984 instead of 290,400. */
  static final class UnitsAfterPooling extends AlexNetReference {
    @Override
    protected long units(Shape output, Shape pooled) {
      return pooled.volume();
    }
  }

  /** Passes the unpooled output on to the next layer. */
  static final class IgnoresPooling extends AlexNetReference {
    @Override
    protected Shape pooled(Shape output, LayerSpec spec) {
      return output;
    }
  }

  /**
   * Forgets the pooling after the last convolution: fc1 then sees 13x13x256 and has 177,209,344
   * weights instead of 37,748,736.
   */
  static final class NoPoolAfterLastConv extends AlexNetReference {
    @Override
    public CountTable table(Architecture architecture) {
      List<LayerSpec> layers = new ArrayList<>(architecture.layers());
      for (int i = layers.size() - 1; i >= 0; i--) {
        if (layers.get(i).type() == LayerType.CONV) {
          layers.set(i, stripPool(layers.get(i)));
          break;
        }
      }
      return super.table(new Architecture(architecture.input(), layers));
    }

    private static LayerSpec stripPool(LayerSpec spec) {
      return new LayerSpec(spec.name(), spec.type(), spec.kernel(), spec.stride(), spec.padding(),
          spec.outputs(), spec.groups(), 0, 0);
    }
  }

  /** Counts every weight once: connections = weights, forgetting weight sharing. */
  static final class ConnectionsEqualWeights extends AlexNetReference {
    @Override
    protected long connections(long units, long weightsPerUnit, long weights) {
      return weights;
    }
  }

  /** Uses the paper's 224x224 input instead of the given 227x227. */
  static final class Paper224 extends AlexNetReference {
    @Override
    public LayerCounts layerCounts(LayerInput in) {
      return super.layerCounts(new LayerInput(to224(in.input()), in.layer()));
    }

    @Override
    public CountTable table(Architecture architecture) {
      return super.table(new Architecture(to224(architecture.input()), architecture.layers()));
    }

    private static Shape to224(Shape shape) {
      return new Shape(shape.height() == 227 ? 224 : shape.height(),
          shape.width() == 227 ? 224 : shape.width(), shape.depth());
    }
  }

  /** Rounds the output size up. */
  static final class CeilOutput extends AlexNetReference {
    @Override
    protected int outputSize(int size, int kernel, int stride, int padding) {
      return -Math.floorDiv(-(size + 2 * padding - kernel), stride) + 1;
    }
  }

  /** Pads one side only: {@code floor((in + p - k) / s) + 1}. */
  static final class PaddingOnce extends AlexNetReference {
    @Override
    protected int outputSize(int size, int kernel, int stride, int padding) {
      return Math.floorDiv(size + padding - kernel, stride) + 1;
    }
  }

  static final KnownMistake<AlexNetCounts> UNGROUPED = new KnownMistake<>("ungrouped",
      "With g groups a filter sees only the C / g input channels of its group (AlexNet's two"
          + " GPUs): conv2 has 5*5*48*256 = 307,200 weights, not 5*5*96*256.", new Ungrouped());

  static final KnownMistake<AlexNetCounts> COUNTS_BIASES = new KnownMistake<>("counts-biases",
      "The weights asked for exclude biases: do not add one per filter or unit.",
      new CountsBiases());

  static final KnownMistake<AlexNetCounts> UNITS_AFTER_POOLING = new KnownMistake<>(
      "units-after-pooling",
      "A layer's units are its outputs before pooling (conv1: 55x55x96 = 290,400), not the"
          + " pooled maps.", new UnitsAfterPooling());

  static final KnownMistake<AlexNetCounts> IGNORES_POOLING = new KnownMistake<>(
      "ignores-pooling",
      "The max pooling after a layer shrinks what the next layer receives: floor((H - k) / s) +"
          + " 1, e.g. 55 -> 27.", new IgnoresPooling());

  static final KnownMistake<AlexNetCounts> NO_POOL_AFTER_LAST_CONV = new KnownMistake<>(
      "fc1-without-pool",
      "The pooling after the last convolution was skipped: the first fully connected layer sees"
          + " the pooled volume (in AlexNet conv5 is pooled 3x3 stride 2, so fc1 sees 6x6x256 ="
          + " 9,216 inputs, not 13x13x256).", new NoPoolAfterLastConv());

  static final KnownMistake<AlexNetCounts> CONNECTIONS_EQUAL_WEIGHTS = new KnownMistake<>(
      "connections-equal-weights",
      "A convolution's weights are shared by all output positions: connections = units *"
          + " weights per unit, far more than the weights.", new ConnectionsEqualWeights());

  static final KnownMistake<AlexNetCounts> PAPER_224 = new KnownMistake<>("paper-224-input",
      "Use the given 227x227 input: with the paper's 224x224, conv1 would give 54x54, not 55x55.",
      new Paper224());

  static final KnownMistake<AlexNetCounts> CEIL_OUTPUT = new KnownMistake<>("ceil-output",
      "Output sizes round down, floor((H + 2p - k) / s) + 1; you rounded up.", new CeilOutput());

  static final KnownMistake<AlexNetCounts> PADDING_ONCE = new KnownMistake<>("padding-once",
      "Padding p is added on both sides: the formula has H + 2p.", new PaddingOnce());

  static List<KnownMistake<AlexNetCounts>> layer() {
    return List.of(UNGROUPED, COUNTS_BIASES, UNITS_AFTER_POOLING, IGNORES_POOLING,
        CONNECTIONS_EQUAL_WEIGHTS, PAPER_224, CEIL_OUTPUT, PADDING_ONCE);
  }

  static List<KnownMistake<AlexNetCounts>> table() {
    return List.of(UNGROUPED, COUNTS_BIASES, UNITS_AFTER_POOLING, NO_POOL_AFTER_LAST_CONV,
        IGNORES_POOLING, CONNECTIONS_EQUAL_WEIGHTS, PAPER_224, CEIL_OUTPUT, PADDING_ONCE);
  }
}
