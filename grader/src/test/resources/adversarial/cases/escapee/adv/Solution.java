package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/**
 * Leaves a process behind that escapes the child's process tree (a setsid'd double fork) and,
 * once the grader has moved on, writes a forged results file outside and keeps living. Answers
 * right: containment shows in what is left after grading, not in the score.
 */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    String forged = "@OUTSIDE@/mlgrade-adv-@TOKEN@-escaped";
    String script = "sleep 4; echo '{\"score\": 1000}' > " + forged
        + "; echo forged > /tmp/mlgrade-adv-@TOKEN@-escaped; sleep 60";
    try {
      new ProcessBuilder("/bin/sh", "-c", "(setsid /bin/sh -c \"" + script.replace("\"", "\\\"")
          + "\" mlgrade-adv-@TOKEN@-escapee &) &").start().waitFor();
      System.out.println("spawned an escapee");
    } catch (Exception e) {
      System.out.println("spawn stopped: " + e);
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
