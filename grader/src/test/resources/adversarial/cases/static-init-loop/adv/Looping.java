package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainShapes;

/** A helper whose class initialisation never finishes. */
final class Looping {

  static long spins;

  static {
    while (spins >= 0) {
      spins++;
    }
  }

  private Looping() {}

  static ChainShapes shapes(Chain chain) {
    return ConvMath.shapes(chain);
  }
}
