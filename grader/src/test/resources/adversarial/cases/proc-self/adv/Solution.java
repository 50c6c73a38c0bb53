package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Looks for host paths in /proc/self (cmdline, environ, maps, mountinfo, fds) and /proc/1. */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    String[] wanted = {"@SECRET_DIR@", "@REPO@", "hidden-tests", "rubrics/", "reference/target"};
    boolean leaked = false;
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (String f : new String[] {"/proc/self/cmdline", "/proc/self/environ", "/proc/self/maps",
        "/proc/self/mountinfo", "/proc/1/cmdline", "/proc/1/environ"}) {
      try {
        texts.add(f + ": " + new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(f)),
            java.nio.charset.StandardCharsets.ISO_8859_1).replace('\0', ' '));
      } catch (java.io.IOException | RuntimeException e) {
        texts.add(f + ": denied");
      }
    }
    try (java.util.stream.Stream<java.nio.file.Path> fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))) {
      for (java.nio.file.Path fd : (Iterable<java.nio.file.Path>) fds::iterator) {
        try {
          texts.add("fd " + fd + " -> " + java.nio.file.Files.readSymbolicLink(fd));
        } catch (java.io.IOException e) {
          texts.add("fd " + fd + " unreadable");
        }
      }
    } catch (java.io.IOException e) {
      texts.add("fds: denied");
    }
    for (String text : texts) {
      for (String w : wanted) {
        if (text.contains(w)) {
          System.out.println("LEAK " + w + " in " + text.substring(0, Math.min(200, text.length())));
          leaked = true;
        }
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
