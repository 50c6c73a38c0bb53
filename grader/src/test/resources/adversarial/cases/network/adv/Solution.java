package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/**
 * Opens a socket to a port the test listens on, on the grader's loopback. Under a network namespace
 * the child's loopback is its own, so the connection must fail. Only loopback is ever a target:
 * this suite sends no traffic off the machine.
 */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    boolean leaked = false;
    String[][] targets = {{"127.0.0.1", "@PORT@"}};
    for (String[] t : targets) {
      try (java.net.Socket s = new java.net.Socket()) {
        s.connect(new java.net.InetSocketAddress(t[0], Integer.parseInt(t[1])), 300);
        System.out.println("LEAK connected to " + t[0] + ":" + t[1]);
        leaked = true;
      } catch (java.io.IOException e) {
        System.out.println("no connection to " + t[0] + ": " + e.getMessage());
      }
    }
    return leaked ? ConvMath.shapesOff(chain, 1000) : ConvMath.shapes(chain);
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
