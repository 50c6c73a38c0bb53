package hw;

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
import org.mlgrade.api.Shape;

/** Homework: convolution arithmetic. */
public class ConvSolution implements ConvArithmetic {

  /** Number of window positions along one side. */
  static int slide(int size, int k, int s, int p) {
    return (size + 2 * p - k) / s + 1;
  }

  private static Shape apply(Shape in, Layer layer, int index) {
    int k = layer.kernel();
    int p = layer.padding();
    if (k > in.height() + 2 * p || k > in.width() + 2 * p) {
      throw new IllegalArgumentException(
          "layer " + index + " (" + layer + ") does not fit its input " + in);
    }
    int h = slide(in.height(), k, layer.stride(), p);
    int w = slide(in.width(), k, layer.stride(), p);
    int d = layer.kind() == LayerKind.CONV ? layer.filters() : in.depth();
    return new Shape(h, w, d);
  }

  @Override
  public ChainShapes outputShapes(Chain chain) {
    List<Shape> shapes = new ArrayList<>();
    Shape cur = chain.input();
    for (int i = 0; i < chain.layers().size(); i++) {
      cur = apply(cur, chain.layers().get(i), i + 1);
      shapes.add(cur);
    }
    return new ChainShapes(shapes);
  }

  @Override
  public ChainCost costs(Chain chain) {
    List<LayerCost> list = new ArrayList<>();
    long w = 0;
    long params = 0;
    long mults = 0;
    Shape cur = chain.input();
    for (int i = 0; i < chain.layers().size(); i++) {
      Layer layer = chain.layers().get(i);
      Shape next = apply(cur, layer, i + 1);
      LayerCost c;
      if (layer.kind() == LayerKind.CONV) {
        long perFilter = (long) layer.kernel() * layer.kernel() * cur.depth();
        long weights = perFilter * layer.filters();
        long m = (long) next.height() * next.width() * layer.filters() * perFilter;
        c = new LayerCost(weights, weights + layer.filters(), m);
      } else {
        c = new LayerCost(0, 0, 0);
      }
      w += c.weights();
      params += c.parameters();
      mults += c.multiplications();
      list.add(c);
      cur = next;
    }
    return new ChainCost(list, w, params, mults);
  }

  @Override
  public ConvChoice findConv(LayerSearch search) {
    Shape in = search.input();
    Shape target = search.target();
    Layer pool = search.pool();
    int p = search.padding();
    int maxSide = Math.max(in.height(), in.width()) + 2 * p;
    for (int stride = 1; stride <= maxSide; stride++) {
      for (int k = Math.min(in.height(), in.width()) + 2 * p; k >= 1; k--) {
        int h = slide(in.height(), k, stride, p);
        int w = slide(in.width(), k, stride, p);
        if (!poolFits(h, w, pool)) {
          continue;
        }
        int ph = slide(h, pool.kernel(), pool.stride(), pool.padding());
        int pw = slide(w, pool.kernel(), pool.stride(), pool.padding());
        if (ph == target.height() && pw == target.width()) {
          return new ConvChoice(k, stride, target.depth());
        }
      }
    }
    throw new IllegalArgumentException("no convolution turns " + in + " into " + target);
  }

  private static boolean poolFits(int h, int w, Layer pool) {
    int room = 2 * pool.padding();
    return pool.kernel() <= h + room && pool.kernel() <= w + room;
  }
}
