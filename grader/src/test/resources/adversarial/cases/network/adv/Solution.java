package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Opens sockets to the internet and to a port the test listens on, and resolves a name. */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    boolean leaked = false;
    String[][] targets = {{"127.0.0.1", "@PORT@"}, {"1.1.1.1", "53"}, {"8.8.8.8", "443"}};
    for (String[] t : targets) {
      try (java.net.Socket s = new java.net.Socket()) {
        s.connect(new java.net.InetSocketAddress(t[0], Integer.parseInt(t[1])), 300);
        System.out.println("LEAK connected to " + t[0] + ":" + t[1]);
        leaked = true;
      } catch (java.io.IOException e) {
        System.out.println("no connection to " + t[0] + ": " + e.getMessage());
      }
    }
    try {
      java.net.InetAddress address = java.net.InetAddress.getByName("example.com");
      System.out.println("LEAK resolved example.com to " + address);
      leaked = true;
    } catch (java.io.IOException e) {
      System.out.println("no DNS: " + e);
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
