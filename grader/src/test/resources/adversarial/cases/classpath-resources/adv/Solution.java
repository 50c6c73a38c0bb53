package adv;

import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;

/** Looks for reference classes and rubrics through class loaders and the class path. */
public class Solution implements ConvArithmetic {

  @Override
  public ChainShapes outputShapes(Chain chain) {
    boolean leaked = false;
    String[] names = {"org/mlgrade/reference/Problem.class",
        "org/mlgrade/reference/problems/conv/ConvReference.class", "rubrics/hw1-cnn-arithmetic.yaml",
        "hw1-cnn-arithmetic.yaml", "adversarial/rubric.yaml"};
    ClassLoader[] loaders = {Solution.class.getClassLoader(), ClassLoader.getSystemClassLoader(),
        Thread.currentThread().getContextClassLoader(), ClassLoader.getPlatformClassLoader()};
    for (ClassLoader loader : loaders) {
      for (String name : names) {
        if (loader != null && loader.getResource(name) != null) {
          System.out.println("LEAK resource " + name + " from " + loader);
          leaked = true;
        }
      }
      for (String type : new String[] {"org.mlgrade.reference.Problem",
          "org.mlgrade.reference.problems.conv.ConvReference"}) {
        try {
          Class.forName(type, false, loader);
          System.out.println("LEAK class " + type + " from " + loader);
          leaked = true;
        } catch (ClassNotFoundException | LinkageError e) {
          // not reachable: good
        }
      }
    }
    String cp = System.getProperty("java.class.path", "");
    if (cp.contains("reference") || cp.contains("@REPO@")) {
      System.out.println("LEAK class path " + cp);
      leaked = true;
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
