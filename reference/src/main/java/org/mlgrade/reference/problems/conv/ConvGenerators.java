package org.mlgrade.reference.problems.conv;

import org.mlgrade.api.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.Layer;
import org.mlgrade.api.conv.LayerKind;
import org.mlgrade.api.conv.LayerSearch;
import org.mlgrade.reference.InputGenerator;

/** Seeded inputs: the homework's examples and edge cases first, then random ones. */
final class ConvGenerators {

  private ConvGenerators() {}

  /** Chains of the homework, then edge cases, then random chains of 1 to 4 layers. */
  static final List<Chain> EDGE_CHAINS = List.of(
      // the homework's 8x8x3 chain: 2x2x4, 96 weights, 102 parameters
      new Chain(new Shape(8, 8, 3),
          List.of(Layer.conv(2, 2, 1, 0), Layer.conv(4, 3, 2, 0), Layer.maxPool(2, 1))),
      // AlexNet's conv3 without padding: 25x25x384, 885,120 parameters
      new Chain(new Shape(27, 27, 256), List.of(Layer.conv(384, 3, 1, 0))),
      // MNIST: 24x24x20 then 12x12x20
      new Chain(new Shape(28, 28, 1), List.of(Layer.conv(20, 5, 1, 0), Layer.maxPool(2, 2))),
      // stride that does not divide: floor((7-3)/2)+1 = 3, floor((8-3)/2)+1 = 3 (ceil gives 4)
      new Chain(new Shape(7, 8, 2), List.of(Layer.conv(3, 3, 2, 0))),
      // "same" padding, then an overlapping pool that does not divide
      new Chain(new Shape(10, 10, 3), List.of(Layer.conv(8, 5, 1, 2), Layer.maxPool(3, 2))),
      // a 1x1 image and a 1x1 convolution
      new Chain(new Shape(1, 1, 5), List.of(Layer.conv(7, 1, 1, 0))),
      // window larger than the image, made to fit by padding; output 1x1
      new Chain(new Shape(2, 3, 4), List.of(Layer.conv(6, 4, 3, 1))),
      // padded pools and a stride larger than the kernel
      new Chain(new Shape(11, 9, 6), List.of(new Layer(LayerKind.AVG_POOL, 3, 2, 1, 0),
          Layer.conv(4, 1, 3, 0), new Layer(LayerKind.MAX_POOL, 2, 2, 1, 0))));

  static final InputGenerator<Chain> CHAINS = (random, index) ->
      index < EDGE_CHAINS.size() ? EDGE_CHAINS.get(index) : randomChain(random);

  /** The homework's inverse question, then edge cases, then random solvable searches. */
  static final List<LayerSearch> EDGE_SEARCHES = List.of(
      // 12x12x20 -> 5x5 stride 1, 50 filters -> 8x8x50 -> 2x2 pool -> 4x4x50
      new LayerSearch(new Shape(12, 12, 20), new Shape(4, 4, 50), 0, Layer.maxPool(2, 2)),
      // no pooling: LeNet's 32x32x3 -> 28x28x6 needs 5x5, stride 1
      new LayerSearch(new Shape(32, 32, 3), new Shape(28, 28, 6), 0, Layer.maxPool(1, 1)),
      // AlexNet's conv1 227 -> 55 (11x11 stride 4, but also 173x173 stride 1), no pooling
      new LayerSearch(new Shape(227, 227, 3), new Shape(55, 55, 96), 0, Layer.maxPool(1, 1)),
      // AlexNet's conv2 with padding 2, then its overlapping 3x3 stride-2 pool: 27 -> 27 -> 13
      new LayerSearch(new Shape(27, 27, 96), new Shape(13, 13, 256), 2, Layer.maxPool(3, 2)),
      // stride 2 needed: 9x7 -> stride 2 kernel 3 -> 4x3
      new LayerSearch(new Shape(9, 7, 2), new Shape(4, 3, 2), 0, Layer.maxPool(1, 1)));

  static final InputGenerator<LayerSearch> SEARCHES = (random, index) ->
      index < EDGE_SEARCHES.size() ? EDGE_SEARCHES.get(index) : randomSearch(random);

  private static Chain randomChain(SplittableRandom random) {
    Shape input = new Shape(random.nextInt(1, 41), random.nextInt(1, 41), random.nextInt(1, 17));
    int count = random.nextInt(1, 5);
    List<Layer> layers = new ArrayList<>();
    Shape shape = input;
    for (int i = 0; i < count; i++) {
      Layer layer = randomLayer(random, shape, random.nextInt(10) < 6);
      layers.add(layer);
      shape = shapeAfter(shape, layer);
    }
    return new Chain(input, layers);
  }

  private static LayerSearch randomSearch(SplittableRandom random) {
    Shape input = new Shape(random.nextInt(4, 41), random.nextInt(4, 41), random.nextInt(1, 17));
    Layer conv = randomLayer(random, input, true);
    Shape convOut = shapeAfter(input, conv);
    Layer pool = random.nextInt(10) < 3 ? Layer.maxPool(1, 1) : randomLayer(random, convOut, false);
    return new LayerSearch(input, shapeAfter(convOut, pool), conv.padding(), pool);
  }

  /** A random layer that fits {@code in}. */
  private static Layer randomLayer(SplittableRandom random, Shape in, boolean conv) {
    int side = Math.min(in.height(), in.width());
    if (conv) {
      int padding = random.nextInt(0, 3);
      int kernel = random.nextInt(1, Math.min(7, side + 2 * padding) + 1);
      return Layer.conv(random.nextInt(1, 65), kernel, random.nextInt(1, 4), padding);
    }
    int kernel = random.nextInt(1, Math.min(4, side + 2) + 1);
    int padding = random.nextInt(0, kernel / 2 + 1);
    while (kernel > side + 2 * padding) {
      kernel--;
    }
    padding = Math.min(padding, kernel / 2);
    LayerKind kind = random.nextBoolean() ? LayerKind.MAX_POOL : LayerKind.AVG_POOL;
    return new Layer(kind, kernel, random.nextInt(1, 4), padding, 0);
  }

  /** Sliding-window count, kept apart from the reference: positions 0, s, 2s, ... that fit. */
  private static Shape shapeAfter(Shape in, Layer layer) {
    int depth = layer.kind() == LayerKind.CONV ? layer.filters() : in.depth();
    return new Shape(positions(in.height(), layer), positions(in.width(), layer), depth);
  }

  private static int positions(int size, Layer layer) {
    int count = 0;
    for (int start = 0; start + layer.kernel() <= size + 2 * layer.padding();
        start += layer.stride()) {
      count++;
    }
    if (count == 0) {
      throw new IllegalStateException("generator made a layer that does not fit: " + layer);
    }
    return count;
  }
}
