package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Starts processes (named with a marker) until the OS refuses. */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    int started = 0;
    try {
      while (started < 1500) {
        new ProcessBuilder("sh", "-c", "sleep 600", "mlgrade-adv-@TOKEN@-bomb").start();
        started++;
      }
    } catch (java.io.IOException e) {
      System.out.println("spawn stopped after " + started + ": " + e.getMessage());
    }
    return ConvMath.shapes(chain);
  }

  @Override
  public ChainCost costs(Chain chain) {
    return ConvMath.costs(chain);
  }

  @Override
  public ConvChoice findConv(LayerSearch search) {
    throw new UnsupportedOperationException("not graded here");
  }
}
