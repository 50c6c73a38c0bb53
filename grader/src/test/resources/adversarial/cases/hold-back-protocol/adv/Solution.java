package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/**
 * Stops the clock: in the first shapes test it swaps the harness channel's output stream (a final
 * field, through Unsafe) for one that holds every protocol line back until the next RESULT line,
 * so that a per-call START line would reach the grader only with the call's result; the second
 * shapes test then computes for 5 s of CPU time, past the 2 s limit.
 */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    if (chain.input().height() == 8) {
      System.out.println(Holder.install());
    } else {
      System.out.println("spun " + Holder.spinCpuMillis(5_000) + " ms of CPU");
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
