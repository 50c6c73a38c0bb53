package adv;

import java.util.ArrayList;
import java.util.List;
import org.mlgrade.api.Shape;
import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.Layer;
import org.mlgrade.api.conv.LayerCost;
import org.mlgrade.api.conv.LayerKind;

/** The correct arithmetic every adversarial case shares; the cases add only their hostile act. */
final class ConvMath {

  private ConvMath() {}

  static ChainShapes shapes(Chain chain) {
    List<Shape> shapes = new ArrayList<>();
    Shape cur = chain.input();
    for (int i = 0; i < chain.layers().size(); i++) {
      cur = apply(cur, chain.layers().get(i), i + 1);
      shapes.add(cur);
    }
    return new ChainShapes(shapes);
  }

  /** The right shapes with the first one's height off by {@code delta}: a visible wrong answer. */
  static ChainShapes shapesOff(Chain chain, int delta) {
    List<Shape> shapes = new ArrayList<>(shapes(chain).outputs());
    Shape first = shapes.get(0);
    shapes.set(0, new Shape(first.height() + delta, first.width(), first.depth()));
    return new ChainShapes(shapes);
  }

  static ChainCost costs(Chain chain) {
    List<LayerCost> list = new ArrayList<>();
    long w = 0;
    long params = 0;
    long mults = 0;
    Shape cur = chain.input();
    for (int i = 0; i < chain.layers().size(); i++) {
      Layer layer = chain.layers().get(i);
      Shape next = apply(cur, layer, i + 1);
      LayerCost c = new LayerCost(0, 0, 0);
      if (layer.kind() == LayerKind.CONV) {
        long perFilter = (long) layer.kernel() * layer.kernel() * cur.depth();
        long weights = perFilter * layer.filters();
        c = new LayerCost(weights, weights + layer.filters(),
            (long) next.height() * next.width() * layer.filters() * perFilter);
      }
      w += c.weights();
      params += c.parameters();
      mults += c.multiplications();
      list.add(c);
      cur = next;
    }
    return new ChainCost(list, w, params, mults);
  }

  private static Shape apply(Shape in, Layer layer, int index) {
    int k = layer.kernel();
    int p = layer.padding();
    if (k > in.height() + 2 * p || k > in.width() + 2 * p) {
      throw new IllegalArgumentException("layer " + index + " (" + layer + ") does not fit " + in);
    }
    int h = (in.height() + 2 * p - k) / layer.stride() + 1;
    int w = (in.width() + 2 * p - k) / layer.stride() + 1;
    return new Shape(h, w, layer.kind() == LayerKind.CONV ? layer.filters() : in.depth());
  }
}
