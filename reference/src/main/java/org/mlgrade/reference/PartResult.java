package org.mlgrade.reference;

import java.util.List;
import java.util.Objects;

/**
 * One named part of an answer (a row of a table, one gradient, one EM parameter), judged.
 *
 * @param name the part's name, e.g. {@code "fc1"}, {@code "gradW2"} or {@code "totals"}; {@link
 *     Comparison#WHOLE} when the problem does not split its answers
 * @param status right, wrong, or wrong only because of an earlier wrong part
 * @param mismatches where the part differs from the reference (empty exactly when right), at
 *     most {@link StructuralComparison#MAX_MISMATCHES} of them
 * @param omitted how many further differences were not listed
 */
public record PartResult(String name, PartStatus status, List<Mismatch> mismatches, int omitted) {

  public PartResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    mismatches = List.copyOf(mismatches);
    if (omitted < 0) {
      throw new IllegalArgumentException("omitted must be >= 0, got " + omitted);
    }
  }

  /** A part that is right when {@code differences} lists none, wrong otherwise. */
  public static PartResult of(String name, StructuralComparison.Differences differences) {
    return new PartResult(name, differences.isEmpty() ? PartStatus.RIGHT : PartStatus.WRONG,
        differences.listed(), differences.omitted());
  }

  /** Whether the part equals the reference's. */
  public boolean right() {
    return status == PartStatus.RIGHT;
  }
}
