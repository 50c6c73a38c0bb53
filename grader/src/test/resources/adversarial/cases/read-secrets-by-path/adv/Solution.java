package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Reads another student's files, hidden tests, rubrics and reference classes by absolute path. */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    boolean leaked = tryRead("@SECRET_DIR@/other-student/adv/Solution.java", "@SECRET_DIR@/hidden-tests.yaml",
        "@REPO@/rubrics/hw1-cnn-arithmetic.yaml",
        "@REPO@/reference/target/classes/org/mlgrade/reference/problems/conv/ConvReference.class",
        "/etc/shadow", "/root/.bash_history");
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

  /** Prints LEAK for each secret it can read; true when there was one. */
  static boolean tryRead(String... paths) {
    boolean leaked = false;
    for (String path : paths) {
      try {
        byte[] bytes = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path));
        System.out.println("LEAK read " + path + " (" + bytes.length + " bytes)");
        leaked = true;
      } catch (java.io.IOException | RuntimeException e) {
        System.out.println("denied " + path + ": " + e.getClass().getSimpleName());
      }
    }
    return leaked;
  }
}
