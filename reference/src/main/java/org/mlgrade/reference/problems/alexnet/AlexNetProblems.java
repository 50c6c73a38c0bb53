package org.mlgrade.reference.problems.alexnet;

import java.util.List;
import org.mlgrade.api.alexnet.AlexNetCounts;
import org.mlgrade.api.alexnet.Architecture;
import org.mlgrade.api.alexnet.CountTable;
import org.mlgrade.api.alexnet.LayerCounts;
import org.mlgrade.api.alexnet.LayerInput;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemProvider;

/** The AlexNet counting problems. */
public final class AlexNetProblems implements ProblemProvider {

  /** For {@link java.util.ServiceLoader}; {@link #all()} is the same list without one. */
  public AlexNetProblems() {}

  @Override
  public List<Problem<?, ?, ?>> problems() {
    return all();
  }

  /** {@code alexnet.layer-counts} and {@code alexnet.table}. */
  public static List<Problem<?, ?, ?>> all() {
    AlexNetReference reference = new AlexNetReference();
    return List.of(
        Problem.of("alexnet.layer-counts", "Units, weights and connections of one layer",
            AlexNetCounts.class, "layerCounts", LayerInput.class, LayerCounts.class,
            AlexNetCounts::layerCounts, reference, AlexNetGenerators.LAYERS,
            AlexNetMistakes.layer()),
        new Problem<>("alexnet.table",
            "Units, weights and connections of every layer of a network",
            AlexNetCounts.class, "table", Architecture.class, CountTable.class,
            AlexNetCounts::table, reference, AlexNetGenerators.ARCHITECTURES,
            TableParts.comparison(), AlexNetMistakes.table()));
  }
}
