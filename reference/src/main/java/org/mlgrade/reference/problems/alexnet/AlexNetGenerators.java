package org.mlgrade.reference.problems.alexnet;

import org.mlgrade.api.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mlgrade.api.alexnet.Architecture;
import org.mlgrade.api.alexnet.LayerInput;
import org.mlgrade.api.alexnet.LayerSpec;
import org.mlgrade.reference.InputGenerator;

/** Seeded inputs: the paper's network first, then well-known variants, then random networks. */
final class AlexNetGenerators {

  private AlexNetGenerators() {}

  /** AlexNet as in Krizhevsky et al. 2012, Figure 2, on a 227x227x3 input. */
  static Architecture alexNet() {
    return new Architecture(new Shape(227, 227, 3), alexNetLayers(96, 256, 384, 384, 256, 2));
  }

  /**
   * torchvision's single-GPU AlexNet ("One weird trick", Krizhevsky 2014): 64/192/384/256/256
   * filters, conv1 with padding 2 on a 224x224x3 input, no groups.
   */
  static Architecture torchvisionAlexNet() {
    return new Architecture(new Shape(224, 224, 3), List.of(
        LayerSpec.conv("conv1", 64, 11, 4, 2, 1).pooled(3, 2),
        LayerSpec.conv("conv2", 192, 5, 1, 2, 1).pooled(3, 2),
        LayerSpec.conv("conv3", 384, 3, 1, 1, 1),
        LayerSpec.conv("conv4", 256, 3, 1, 1, 1),
        LayerSpec.conv("conv5", 256, 3, 1, 1, 1).pooled(3, 2),
        LayerSpec.fc("fc1", 4096), LayerSpec.fc("fc2", 4096), LayerSpec.fc("output", 1000)));
  }

  /** LeNet-5 shaped (LeCun et al. 1998) with max pooling, full connections at C3. */
  static Architecture leNet() {
    return new Architecture(new Shape(32, 32, 1), List.of(
        LayerSpec.conv("c1", 6, 5, 1, 0, 1).pooled(2, 2),
        LayerSpec.conv("c3", 16, 5, 1, 0, 1).pooled(2, 2),
        LayerSpec.fc("f5", 120), LayerSpec.fc("f6", 84), LayerSpec.fc("output", 10)));
  }

  private static List<LayerSpec> alexNetLayers(int f1, int f2, int f3, int f4, int f5,
      int groups) {
    return List.of(
        LayerSpec.conv("conv1", f1, 11, 4, 0, 1).pooled(3, 2),
        LayerSpec.conv("conv2", f2, 5, 1, 2, groups).pooled(3, 2),
        LayerSpec.conv("conv3", f3, 3, 1, 1, 1),
        LayerSpec.conv("conv4", f4, 3, 1, 1, groups),
        LayerSpec.conv("conv5", f5, 3, 1, 1, groups).pooled(3, 2),
        LayerSpec.fc("fc1", 4096), LayerSpec.fc("fc2", 4096), LayerSpec.fc("output", 1000));
  }

  /** Each AlexNet layer with the shape it receives (the pooled output of the one before). */
  static List<LayerInput> alexNetLayerInputs() {
    List<Shape> inputs = List.of(new Shape(227, 227, 3), new Shape(27, 27, 96),
        new Shape(13, 13, 256), new Shape(13, 13, 384), new Shape(13, 13, 384),
        new Shape(6, 6, 256), new Shape(1, 1, 4096), new Shape(1, 1, 4096));
    List<LayerSpec> layers = alexNet().layers();
    List<LayerInput> result = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      result.add(new LayerInput(inputs.get(i), layers.get(i)));
    }
    return List.copyOf(result);
  }

  /** Edge cases after AlexNet's eight layers. */
  private static final List<LayerInput> EDGE_LAYERS = List.of(
      // 1x1 convolution with 4 groups; pool 2 stride 2 on 5 gives 2 (ceil would give 3)
      new LayerInput(new Shape(5, 5, 8), LayerSpec.conv("conv1x1", 12, 1, 1, 0, 4).pooled(2, 2)),
      // fully connected on a single value
      new LayerInput(new Shape(1, 1, 1), LayerSpec.fc("fc", 1)),
      // stride that does not divide and one-sided padding would differ: floor((10+2-4)/3)+1 = 3
      new LayerInput(new Shape(10, 7, 6), LayerSpec.conv("conv", 9, 4, 3, 1, 3)),
      // filter as large as the padded input: output 1x1
      new LayerInput(new Shape(3, 3, 2), LayerSpec.conv("full", 5, 5, 2, 1, 1)));

  static final InputGenerator<LayerInput> LAYERS = (random, index) -> {
    List<LayerInput> alexNet = alexNetLayerInputs();
    if (index < alexNet.size()) {
      return alexNet.get(index);
    }
    if (index < alexNet.size() + EDGE_LAYERS.size()) {
      return EDGE_LAYERS.get(index - alexNet.size());
    }
    return randomLayer(random);
  };

  static final InputGenerator<Architecture> ARCHITECTURES = (random, index) -> switch (index) {
    case 0 -> alexNet();
    case 1 -> torchvisionAlexNet();
    case 2 -> leNet();
    // AlexNet with half the filters on a 227x227 input
    case 3 -> new Architecture(new Shape(227, 227, 3), alexNetLayers(48, 128, 192, 192, 128, 2));
    default -> randomArchitecture(random);
  };

  private static LayerInput randomLayer(SplittableRandom random) {
    Shape input = new Shape(random.nextInt(1, 49), random.nextInt(1, 49), random.nextInt(1, 13));
    if (random.nextInt(5) == 0) {
      return new LayerInput(input, LayerSpec.fc("fc", random.nextInt(1, 257)));
    }
    return new LayerInput(input, randomConv(random, input, "conv"));
  }

  private static Architecture randomArchitecture(SplittableRandom random) {
    int side = random.nextInt(8, 65);
    Shape input = new Shape(side, side + random.nextInt(-2, 3), random.nextInt(1, 5));
    List<LayerSpec> layers = new ArrayList<>();
    Shape shape = input;
    int convs = random.nextInt(1, 5);
    for (int i = 1; i <= convs; i++) {
      LayerSpec conv = randomConv(random, shape, "conv" + i);
      layers.add(conv);
      shape = pooledAfter(shape, conv);
    }
    int fcs = random.nextInt(1, 4);
    for (int i = 1; i <= fcs; i++) {
      layers.add(LayerSpec.fc(i == fcs ? "output" : "fc" + i,
          i == fcs ? random.nextInt(2, 21) : random.nextInt(8, 513)));
    }
    return new Architecture(input, layers);
  }

  /** A random convolution (maybe grouped, maybe pooled) that fits {@code in}. */
  private static LayerSpec randomConv(SplittableRandom random, Shape in, String name) {
    int side = Math.min(in.height(), in.width());
    int padding = random.nextInt(0, 3);
    int kernel = random.nextInt(1, Math.min(7, side + 2 * padding) + 1);
    int stride = random.nextInt(1, 4);
    int[] candidates = {1, 1, 2, 3, 4};
    int groups = candidates[random.nextInt(candidates.length)];
    if (in.depth() % groups != 0) {
      groups = 1;
    }
    LayerSpec conv = LayerSpec.conv(name, groups * random.nextInt(1, 17), kernel, stride,
        padding, groups);
    int outSide = (side + 2 * padding - kernel) / stride + 1;
    if (outSide >= 2 && random.nextInt(3) > 0) {
      int poolKernel = random.nextInt(2, Math.min(3, outSide) + 1);
      conv = conv.pooled(poolKernel, random.nextInt(1, 3));
    }
    return conv;
  }

  /** The pooled output, by counting window positions (kept apart from the reference). */
  private static Shape pooledAfter(Shape in, LayerSpec conv) {
    int height = positions(in.height() + 2 * conv.padding(), conv.kernel(), conv.stride());
    int width = positions(in.width() + 2 * conv.padding(), conv.kernel(), conv.stride());
    if (conv.poolKernel() > 0) {
      height = positions(height, conv.poolKernel(), conv.poolStride());
      width = positions(width, conv.poolKernel(), conv.poolStride());
    }
    return new Shape(height, width, conv.outputs());
  }

  private static int positions(int size, int kernel, int stride) {
    int count = 0;
    for (int start = 0; start + kernel <= size; start += stride) {
      count++;
    }
    if (count == 0) {
      throw new IllegalStateException("generator made a window that does not fit");
    }
    return count;
  }
}
