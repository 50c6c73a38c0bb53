package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Runs sh -c, writes outside, and leaves a (double-forked) process behind. */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    try {
      new ProcessBuilder("sh", "-c",
          "echo pwned > @OUTSIDE@/spawned; (setsid sh -c 'while :; do sleep 1; done' mlgrade-adv-@TOKEN@-setsid &);"
              + " while :; do sleep 1; done", "mlgrade-adv-@TOKEN@-sh")
          .redirectErrorStream(true).start();
      Thread.sleep(300);
      System.out.println("spawned");
    } catch (java.io.IOException | InterruptedException e) {
      System.out.println("cannot spawn: " + e);
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
