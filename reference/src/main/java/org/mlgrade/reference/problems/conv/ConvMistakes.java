package org.mlgrade.reference.problems.conv;

import org.mlgrade.api.Shape;
import java.util.List;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.Layer;
import org.mlgrade.api.conv.LayerSearch;
import org.mlgrade.reference.KnownMistake;

/** Wrong answers real students give to the convolution-arithmetic questions. */
final class ConvMistakes {

  private ConvMistakes() {}

  /** Rounds the output size up: {@code ceil((in + 2p - k) / s) + 1}. */
  static final class CeilOutput extends ConvReference {
    @Override
    protected int outputSize(int size, int kernel, int stride, int padding) {
      return -Math.floorDiv(-(size + 2 * padding - kernel), stride) + 1;
    }
  }

  /** Pads one side only: {@code floor((in + p - k) / s) + 1}. */
  static final class PaddingOnce extends ConvReference {
    @Override
    protected int outputSize(int size, int kernel, int stride, int padding) {
      return Math.floorDiv(size + padding - kernel, stride) + 1;
    }
  }

  /** Forgets the {@code + 1}: {@code floor((in + 2p - k) / s)}. */
  static final class MissingPlusOne extends ConvReference {
    @Override
    protected int outputSize(int size, int kernel, int stride, int padding) {
      return Math.floorDiv(size + 2 * padding - kernel, stride);
    }
  }

  /** Parameters without biases. */
  static final class BiasForgotten extends ConvReference {
    @Override
    protected long parameters(Shape in, Layer conv) {
      return weights(in, conv);
    }
  }

  /** A k x k filter with k*k weights, forgetting that it spans the input's depth. */
  static final class WeightsIgnoreDepth extends ConvReference {
    @Override
    protected long weights(Shape in, Layer conv) {
      return (long) conv.kernel() * conv.kernel() * conv.filters();
    }

    @Override
    protected long multiplications(Shape in, Shape out, Layer conv) {
      return out.volume() * conv.kernel() * conv.kernel();
    }
  }

  /** Multiplications of one output channel: {@code H_out * W_out * k*k*C}. */
  static final class MultiplicationsOneChannel extends ConvReference {
    @Override
    protected long multiplications(Shape in, Shape out, Layer conv) {
      return (long) out.height() * out.width() * conv.kernel() * conv.kernel() * in.depth();
    }
  }

  /** Multiplications of one output position, i.e. the weights: {@code k*k*C*F}. */
  static final class MultiplicationsOnePosition extends ConvReference {
    @Override
    protected long multiplications(Shape in, Shape out, Layer conv) {
      return weights(in, conv);
    }
  }

  /** Solves the inverse question as if there were no pooling after the convolution. */
  static final class IgnoresPool extends ConvReference {
    @Override
    public ConvChoice findConv(LayerSearch search) {
      return super.findConv(new LayerSearch(search.input(), search.target(), search.padding(),
          Layer.maxPool(1, 1)));
    }
  }

  /** Keeps the input's depth as the number of filters. */
  static final class FiltersFromInput extends ConvReference {
    @Override
    public ConvChoice findConv(LayerSearch search) {
      ConvChoice right = super.findConv(search);
      return new ConvChoice(right.kernel(), right.stride(), search.input().depth());
    }
  }

  /** Solves {@code out = (in + 2p - k) / s} for k, without the {@code + 1}: one too small. */
  static final class KernelOffByOne extends ConvReference {
    @Override
    public ConvChoice findConv(LayerSearch search) {
      ConvChoice right = super.findConv(search);
      return new ConvChoice(right.kernel() - 1, right.stride(), right.filters());
    }
  }

  static final KnownMistake<ConvArithmetic> CEIL_OUTPUT = new KnownMistake<>("ceil-output",
      "The output size rounds down, floor((H + 2p - k) / s) + 1: a window that does not fit"
          + " completely is dropped; you rounded up.", new CeilOutput());

  static final KnownMistake<ConvArithmetic> PADDING_ONCE = new KnownMistake<>("padding-once",
      "Padding p adds p rows above AND p below (and p columns on each side), so the formula has"
          + " H + 2p; you added it once.", new PaddingOnce());

  static final KnownMistake<ConvArithmetic> MISSING_PLUS_ONE = new KnownMistake<>(
      "missing-plus-one",
      "The number of window positions is floor((H + 2p - k) / s) + 1: the first window at"
          + " position 0 counts too; you forgot the + 1.", new MissingPlusOne());

  static final KnownMistake<ConvArithmetic> BIAS_FORGOTTEN = new KnownMistake<>("bias-forgotten",
      "Parameters include one bias per filter: parameters = weights + number of filters.",
      new BiasForgotten());

  static final KnownMistake<ConvArithmetic> WEIGHTS_IGNORE_DEPTH = new KnownMistake<>(
      "weights-ignore-depth",
      "A filter spans the whole input depth: it has k * k * C weights, not k * k.",
      new WeightsIgnoreDepth());

  static final KnownMistake<ConvArithmetic> MULTIPLICATIONS_ONE_CHANNEL = new KnownMistake<>(
      "multiplications-one-channel",
      "You counted the multiplications of one output channel only; multiply by the number of"
          + " filters: H_out * W_out * F * k * k * C.", new MultiplicationsOneChannel());

  static final KnownMistake<ConvArithmetic> MULTIPLICATIONS_ONE_POSITION = new KnownMistake<>(
      "multiplications-one-position",
      "You counted the multiplications of one output position (= the weights); every one of the"
          + " H_out * W_out positions repeats them.", new MultiplicationsOnePosition());

  static final KnownMistake<ConvArithmetic> IGNORES_POOL = new KnownMistake<>("ignores-pool",
      "The pooling layer after the convolution shrinks the shape too: the convolution must give"
          + " the size the pool turns into the target, not the target itself.", new IgnoresPool());

  static final KnownMistake<ConvArithmetic> FILTERS_FROM_INPUT = new KnownMistake<>(
      "filters-from-input",
      "The number of filters is the output depth (the target's depth); pooling keeps the depth.",
      new FiltersFromInput());

  static final KnownMistake<ConvArithmetic> KERNEL_OFF_BY_ONE = new KnownMistake<>(
      "kernel-off-by-one",
      "Your kernel is one too small: solve H_out = floor((H + 2p - k) / s) + 1 with the + 1.",
      new KernelOffByOne());

  static List<KnownMistake<ConvArithmetic>> shapes() {
    return List.of(CEIL_OUTPUT, PADDING_ONCE, MISSING_PLUS_ONE);
  }

  static List<KnownMistake<ConvArithmetic>> costs() {
    return List.of(BIAS_FORGOTTEN, WEIGHTS_IGNORE_DEPTH, MULTIPLICATIONS_ONE_CHANNEL,
        MULTIPLICATIONS_ONE_POSITION, CEIL_OUTPUT, PADDING_ONCE);
  }

  static List<KnownMistake<ConvArithmetic>> search() {
    return List.of(IGNORES_POOL, FILTERS_FROM_INPUT, KERNEL_OFF_BY_ONE, CEIL_OUTPUT);
  }
}
