package org.mlgrade.reference.problems.alexnet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mlgrade.api.alexnet.Architecture;
import org.mlgrade.api.alexnet.CountTable;
import org.mlgrade.api.alexnet.LayerCounts;
import org.mlgrade.api.alexnet.LayerSpec;
import org.mlgrade.reference.PartedComparison;
import org.mlgrade.reference.PartedComparison.Field;
import org.mlgrade.reference.PartedComparison.Part;
import org.mlgrade.reference.PartedComparison.Recomputed;

/**
 * The parts of a count table, as a TA marks it: one part per layer's row (its output shape,
 * units, weights and connections) and the totals. The pooled shape a row passes on is the
 * student's working, not an answer: it shows in the next row's counts.
 *
 * <p>Errors carried forward: row {@code i + 1} counted correctly from the student's own pooled
 * shape of a wrong row {@code i}, and totals that are the sums of the student's own rows.
 */
final class TableParts {

  /** The name of the totals part. */
  static final String TOTALS = "totals";

  private TableParts() {}

  /** The comparison of {@code alexnet.table}. */
  static PartedComparison<Architecture, CountTable> comparison() {
    return PartedComparison.<Architecture, CountTable>of(TableParts::split)
        .carryingForward(TableParts::recompute);
  }

  /** Row names: the layers' names, made unique with their position when repeated. */
  static List<String> rowNames(Architecture architecture) {
    List<LayerSpec> layers = architecture.layers();
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new HashSet<>();
    for (LayerSpec layer : layers) {
      if (!seen.add(layer.name()) || layer.name().equals(TOTALS)) {
        repeated.add(layer.name());
      }
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      String name = layers.get(i).name();
      names.add(repeated.contains(name) ? name + " (layer " + (i + 1) + ")" : name);
    }
    return names;
  }

  private static List<Part> split(Architecture architecture, CountTable table) {
    List<String> names = rowNames(architecture);
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      LayerCounts row = table.layers().size() > i ? table.layers().get(i) : null;
      parts.add(new Part(names.get(i), row(i, row)));
    }
    parts.add(new Part(TOTALS, totals(table.layers().size(), table.units(), table.weights(),
        table.connections())));
    return parts;
  }

  private static List<Field> row(int i, LayerCounts row) {
    String at = "layers[" + i + "].";
    return List.of(new Field(at + "output", row == null ? null : row.output()),
        new Field(at + "units", row == null ? null : row.units()),
        new Field(at + "weights", row == null ? null : row.weights()),
        new Field(at + "connections", row == null ? null : row.connections()));
  }

  private static List<Field> totals(int rows, long units, long weights, long connections) {
    return List.of(new Field("layers.size", rows), new Field("units", units),
        new Field("weights", weights), new Field("connections", connections));
  }

  /** Each row from the student's previous row's pooled shape; the totals from the student's rows. */
  private static List<Recomputed> recompute(Architecture architecture, CountTable table) {
    AlexNetReference reference = new AlexNetReference();
    List<String> names = rowNames(architecture);
    List<Recomputed> recomputed = new ArrayList<>();
    int rows = Math.min(names.size(), table.layers().size());
    for (int i = 1; i < rows; i++) {
      LayerCounts previous = table.layers().get(i - 1);
      if (previous == null || previous.pooled() == null) {
        continue;
      }
      LayerCounts own;
      try {
        own = reference.counts(previous.pooled(), architecture.layers().get(i));
      } catch (RuntimeException doesNotFit) {
        continue;
      }
      recomputed.add(new Recomputed(names.get(i), row(i, own), List.of(names.get(i - 1))));
    }
    long units = 0;
    long weights = 0;
    long connections = 0;
    for (LayerCounts row : table.layers()) {
      units += row.units();
      weights += row.weights();
      connections += row.connections();
    }
    recomputed.add(new Recomputed(TOTALS, totals(table.layers().size(), units, weights,
        connections), names));
    return recomputed;
  }
}
