package org.mlgrade.reference.problems.conv;

import java.util.List;
import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.conv.ChainCost;
import org.mlgrade.api.conv.ChainShapes;
import org.mlgrade.api.conv.ConvArithmetic;
import org.mlgrade.api.conv.ConvChoice;
import org.mlgrade.api.conv.LayerSearch;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemProvider;

/** The convolution-arithmetic problems. */
public final class ConvProblems implements ProblemProvider {

  /** For {@link java.util.ServiceLoader}; {@link #all()} is the same list without one. */
  public ConvProblems() {}

  @Override
  public List<Problem<?, ?, ?>> problems() {
    return all();
  }

  /** {@code conv.output-shape}, {@code conv.costs} and {@code conv.find-layer}. */
  public static List<Problem<?, ?, ?>> all() {
    ConvReference reference = new ConvReference();
    return List.of(
        Problem.of("conv.output-shape", "Output shapes of a chain of conv and pooling layers",
            ConvArithmetic.class, "outputShapes", Chain.class, ChainShapes.class,
            ConvArithmetic::outputShapes, reference, ConvGenerators.CHAINS,
            ConvMistakes.shapes()),
        Problem.of("conv.costs", "Weights, parameters and multiplications of a chain of layers",
            ConvArithmetic.class, "costs", Chain.class, ChainCost.class, ConvArithmetic::costs,
            reference, ConvGenerators.CHAINS, ConvMistakes.costs()),
        new Problem<>("conv.find-layer", "Which convolution gives this shape after pooling",
            ConvArithmetic.class, "findConv", LayerSearch.class, ConvChoice.class,
            ConvArithmetic::findConv, reference, ConvGenerators.SEARCHES, new AnyValidConv(),
            ConvMistakes.search()));
  }
}
