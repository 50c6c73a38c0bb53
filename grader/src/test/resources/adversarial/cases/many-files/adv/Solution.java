package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Opens files until the limit, keeps them open, then answers. */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    int opened = 0;
    try {
      while (opened < 100_000) {
        KEPT.add(new java.io.FileInputStream("/proc/self/status"));
        opened++;
      }
    } catch (java.io.IOException e) {
      System.out.println("open stopped after " + opened + ": " + e.getMessage());
    }
    for (int i = 0; i < 64 && !KEPT.isEmpty(); i++) {
      try {
        KEPT.remove(KEPT.size() - 1).close();
      } catch (java.io.IOException e) {
        // ignore
      }
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

  private static final java.util.List<java.io.InputStream> KEPT = new java.util.ArrayList<>();
}
