package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Keeps static state (in its own class and a helper) so that answers depend on the order of the calls. */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    CALLS++;
    Counter.calls++;
    return CALLS == 1 && Counter.calls == 1 ? ConvMath.shapes(chain) : ConvMath.shapesOff(chain, CALLS);
  }

  @Override
  public ChainCost costs(Chain chain) {
    CALLS++;
    Counter.calls++;
    ChainCost right = ConvMath.costs(chain);
    return CALLS == 1 && Counter.calls == 1 ? right
        : new ChainCost(right.layers(), right.weights() + CALLS, right.parameters(),
            right.multiplications());
  }

  @Override
  public ConvChoice findConv(LayerSearch search) {
    throw new UnsupportedOperationException("not graded here");
  }

  private static int CALLS;
}
