package adv;

import java.io.FileOutputStream;
import java.io.IOException;
import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/**
 * Fills /dev/shm (memory, not disk) with 8 MiB files, up to 96 MiB, and leaves them there.
 * Answers right: containment shows in how much it could write and what is left afterwards.
 */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    byte[] block = new byte[1 << 20];
    long written = 0;
    outer:
    for (int i = 0; i < 12; i++) {
      try (FileOutputStream out = new FileOutputStream("/dev/shm/mlgrade-adv-@TOKEN@-" + i)) {
        for (int mb = 0; mb < 8; mb++) {
          out.write(block);
          written += block.length;
        }
      } catch (IOException e) {
        System.out.println("shm stopped: " + e.getMessage());
        break outer;
      }
    }
    System.out.println("WROTE /dev/shm " + written);
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
