package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Writes outside its work dir: a host dir, host /tmp, its classes and the shared API classes. */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    String api = org.mlgrade.api.conv.ConvArithmetic.class.getProtectionDomain().getCodeSource()
        .getLocation().getPath();
    String own = Solution.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    String[] targets = {"@OUTSIDE@/pwned", "/tmp/mlgrade-adv-@TOKEN@-pwned",
        api + "org/mlgrade/api/conv/ConvArithmetic.class", api + "pwned", own + "adv/ConvMath.class",
        own + "pwned"};
    for (String target : targets) {
      try {
        java.nio.file.Files.write(java.nio.file.Path.of(target), "pwned".getBytes());
        System.out.println("wrote " + target);
      } catch (java.io.IOException | RuntimeException e) {
        System.out.println("cannot write " + target + ": " + e.getClass().getSimpleName());
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
}
