package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Writes 8 MiB files into its work dir and /tmp until the disk refuses (at most 192 MiB each). */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    byte[] chunk = new byte[8 << 20];
    for (String dir : new String[] {".", "/tmp"}) {
      long written = 0;
      try {
        for (int i = 0; i < 24; i++) {
          java.nio.file.Files.write(java.nio.file.Path.of(dir, "fill-" + i), chunk);
          written += chunk.length;
        }
      } catch (java.io.IOException | RuntimeException e) {
        System.out.println("stopped in " + dir + ": " + e.getClass().getSimpleName());
      }
      System.out.println("WROTE " + dir + " " + written);
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
