package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Reaches into the harness by reflection and Unsafe, reads the protocol token and forges reports; its own answers are wrong. */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    String token = Forger.stealToken();
    System.out.println(token == null ? "token not found" : "TOKEN-READ");
    if (token != null) {
      Forger.forge(token);
    }
    return ConvMath.shapesOff(chain, 1);
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
