package org.mlgrade.reference.problems.conv;

import org.mlgrade.api.Shape;
import java.util.ArrayList;
import java.util.List;
import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.Layer;
import org.mlgrade.api.conv.LayerCost;
import org.mlgrade.api.conv.LayerKind;
import org.mlgrade.api.conv.LayerSearch;

/**
 * The reference convolution arithmetic (PyTorch {@code Conv2d} / {@code MaxPool2d} /
 * {@code AvgPool2d}, {@code dilation=1}, {@code ceil_mode=False}).
 *
 * <pre>
 *   out = floor((in + 2p - k) / s) + 1                     per spatial side
 *   conv weights = k*k*C*F, parameters = weights + F, multiplications = H_out*W_out*F * k*k*C
 * </pre>
 *
 * Each step is a protected method so that a known mistake can override exactly one of them.
 */
public class ConvReference implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    return new ChainShapes(forward(chain.input(), chain.layers()));
  }

  @Override
  public ChainCost costs(Chain chain) {
    List<Shape> outputs = forward(chain.input(), chain.layers());
    List<LayerCost> layers = new ArrayList<>();
    long weights = 0;
    long parameters = 0;
    long multiplications = 0;
    Shape in = chain.input();
    for (int i = 0; i < chain.layers().size(); i++) {
      Layer layer = chain.layers().get(i);
      Shape out = outputs.get(i);
      LayerCost cost = layer.kind() == LayerKind.CONV
          ? new LayerCost(weights(in, layer), parameters(in, layer), multiplications(in, out, layer))
          : new LayerCost(0, 0, 0);
      layers.add(cost);
      // totals
      weights = Math.addExact(weights, cost.weights());
      parameters = Math.addExact(parameters, cost.parameters());
      multiplications = Math.addExact(multiplications, cost.multiplications());
      in = out;
    }
    return new ChainCost(layers, weights, parameters, multiplications);
  }

  /**
   * Searches stride s = 1, 2, ... and, for each stride, kernel k from the largest that fits down
   * to 1; returns the first (k, s) whose convolution followed by the pool gives the target.
   */
  @Override
  public ConvChoice findConv(LayerSearch search) {
    Shape input = search.input();
    int maxKernel = Math.min(input.height(), input.width()) + 2 * search.padding();
    int maxStride = Math.max(input.height(), input.width()) + 2 * search.padding();
    for (int stride = 1; stride <= maxStride; stride++) {
      for (int kernel = maxKernel; kernel >= 1; kernel--) {
        ConvChoice choice = new ConvChoice(kernel, stride, search.target().depth());
        if (reaches(search, choice)) {
          return choice;
        }
      }
    }
    throw new IllegalArgumentException(
        "no convolution with padding " + search.padding() + " followed by " + search.pool()
            + " turns " + input + " into " + search.target());
  }

  /** Whether {@code choice}, then the search's pool, turns the search's input into its target. */
  boolean reaches(LayerSearch search, ConvChoice choice) {
    if (choice.kernel() < 1 || choice.stride() < 1 || choice.filters() < 1) {
      return false;
    }
    Layer conv = Layer.conv(choice.filters(), choice.kernel(), choice.stride(), search.padding());
    try {
      List<Shape> outputs = forward(search.input(), List.of(conv, search.pool()));
      return outputs.get(1).equals(search.target());
    } catch (IllegalArgumentException doesNotFit) {
      return false;
    }
  }

  /** The output shape of every layer, in order. */
  protected List<Shape> forward(Shape input, List<Layer> layers) {
    List<Shape> outputs = new ArrayList<>();
    Shape in = input;
    for (int i = 0; i < layers.size(); i++) {
      Layer layer = layers.get(i);
      // fit check: the window must fit the padded input in both directions
      if (layer.kernel() > in.height() + 2 * layer.padding()
          || layer.kernel() > in.width() + 2 * layer.padding()) {
        throw new IllegalArgumentException(
            "layer " + (i + 1) + " (" + layer + ") does not fit its input " + in + ": a "
                + layer.kernel() + "x" + layer.kernel() + " window needs at least that much after"
                + " padding");
      }
      int height = outputSize(in.height(), layer.kernel(), layer.stride(), layer.padding());
      int width = outputSize(in.width(), layer.kernel(), layer.stride(), layer.padding());
      int depth = layer.kind() == LayerKind.CONV ? layer.filters() : in.depth();
      in = new Shape(height, width, depth);
      outputs.add(in);
    }
    return outputs;
  }

  /** {@code floor((size + 2p - k) / s) + 1}; the numerator is {@code >= 0} after the fit check. */
  protected int outputSize(int size, int kernel, int stride, int padding) {
    return Math.floorDiv(size + 2 * padding - kernel, stride) + 1;
  }

  /** {@code k * k * C * F}. */
  protected long weights(Shape in, Layer conv) {
    return (long) conv.kernel() * conv.kernel() * in.depth() * conv.filters();
  }

  /** {@code weights + F}: one bias per filter. */
  protected long parameters(Shape in, Layer conv) {
    return weights(in, conv) + conv.filters();
  }

  /** {@code H_out * W_out * F * (k * k * C)}: one dot product per output value. */
  protected long multiplications(Shape in, Shape out, Layer conv) {
    long perOutputValue = (long) conv.kernel() * conv.kernel() * in.depth();
    return Math.multiplyExact(out.volume(), perOutputValue);
  }
}
