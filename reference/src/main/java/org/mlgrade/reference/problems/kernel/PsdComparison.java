package org.mlgrade.reference.problems.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mlgrade.api.kernel.KernelOnPoints;
import org.mlgrade.api.kernel.PsdVerdict;
import org.mlgrade.reference.Comparison;
import org.mlgrade.reference.Mismatch;
import org.mlgrade.reference.PartResult;
import org.mlgrade.reference.PartStatus;
import org.mlgrade.reference.StructuralComparison;
import org.mlgrade.reference.Tolerance;

/**
 * Compares PSD verdicts: {@code positiveSemidefinite} exactly, {@code minEigenvalue} with the
 * tolerance, and the witness by what it proves rather than by its value, since many vectors are
 * witnesses.
 *
 * <p>A witness equal to the expected one (within the tolerance) is accepted. Otherwise, when the
 * expected verdict is PSD the witness must be empty; when it is not, any vector {@code a} of
 * length {@code N}, finite and not zero, is accepted if it has {@code aᵀKa < -1e-9 * scale * aᵀa}
 * on the <em>reference</em> Gram matrix of the input ({@code scale = max(1, max |λ|)}), or if it is
 * parallel to the expected witness ({@code cos^2 >= 1 - 1e-9}, any sign and length).
 *
 * <p>Its parts are the verdict (decision and witness) and the minimum eigenvalue; only the
 * verdict tells a mistake ({@link #diagnostic}). {@link #sameAnswer} recognises a known mistake's verdict: the same decision, the same minimum
 * eigenvalue and a witness parallel to the mistake's (or both empty), whatever sign the student's
 * eigen-solver gave it.
 */
public final class PsdComparison implements Comparison<KernelOnPoints, PsdVerdict> {

  /** The part made of {@code positiveSemidefinite} and {@code witness}. */
  public static final String VERDICT = "verdict";

  /** The part made of {@code minEigenvalue}. */
  public static final String MIN_EIGENVALUE = "minEigenvalue";

  @Override
  public List<Mismatch> compare(
      KernelOnPoints input, PsdVerdict expected, PsdVerdict actual, Tolerance tolerance) {
    if (actual == null) {
      return List.of(new Mismatch("", expected.toString(), "null"));
    }
    List<Mismatch> mismatches = new ArrayList<>();
    if (expected.positiveSemidefinite() != actual.positiveSemidefinite()) {
      mismatches.add(new Mismatch("positiveSemidefinite",
          String.valueOf(expected.positiveSemidefinite()),
          String.valueOf(actual.positiveSemidefinite())));
    }
    if (!tolerance.isClose(actual.minEigenvalue(), expected.minEigenvalue())) {
      mismatches.add(new Mismatch("minEigenvalue", String.valueOf(expected.minEigenvalue()),
          String.valueOf(actual.minEigenvalue())));
    }
    if (!StructuralComparison.compare(expected.witness(), actual.witness(), tolerance)
        .isEmpty()) {
      witnessMismatch(input, expected, actual.witness()).ifPresent(mismatches::add);
    }
    return List.copyOf(mismatches);
  }

  @Override
  public boolean sameAnswer(
      KernelOnPoints input, PsdVerdict answer, PsdVerdict actual, Tolerance tolerance) {
    if (actual == null || answer.positiveSemidefinite() != actual.positiveSemidefinite()
        || !tolerance.isClose(actual.minEigenvalue(), answer.minEigenvalue())
        || actual.witness() == null || answer.witness() == null) {
      return false;
    }
    if (answer.witness().length == 0 || actual.witness().length == 0) {
      return answer.witness().length == actual.witness().length;
    }
    return parallel(actual.witness(), answer.witness());
  }

  /**
   * Two parts: {@value #VERDICT} (the decision and its witness) and {@value #MIN_EIGENVALUE}.
   */
  @Override
  public List<PartResult> compareParts(
      KernelOnPoints input, PsdVerdict expected, PsdVerdict actual, Tolerance tolerance) {
    List<Mismatch> all = compare(input, expected, actual, tolerance);
    List<Mismatch> verdict = all.stream()
        .filter(m -> !m.path().equals(MIN_EIGENVALUE)).toList();
    List<Mismatch> eigenvalue = all.stream()
        .filter(m -> m.path().equals(MIN_EIGENVALUE)).toList();
    if (actual == null) {
      eigenvalue = List.of(new Mismatch(MIN_EIGENVALUE, String.valueOf(expected.minEigenvalue()),
          "null"));
    }
    return List.of(part(VERDICT, verdict), part(MIN_EIGENVALUE, eigenvalue));
  }

  private static PartResult part(String name, List<Mismatch> mismatches) {
    return new PartResult(name, mismatches.isEmpty() ? PartStatus.RIGHT : PartStatus.WRONG,
        mismatches, 0);
  }

  /** A mistake's verdict is the student's when the decision is the same, whatever the witness. */
  @Override
  public boolean samePart(KernelOnPoints input, String part, PsdVerdict answer,
      PsdVerdict actual, Tolerance tolerance) {
    if (answer == null || actual == null) {
      return false;
    }
    return part.equals(VERDICT)
        ? answer.positiveSemidefinite() == actual.positiveSemidefinite()
        : tolerance.isClose(actual.minEigenvalue(), answer.minEigenvalue());
  }

  /**
   * The verdict tells the mistake; the minimum eigenvalue reported alongside does not (a student
   * who decides from the diagonal made that mistake, whatever eigenvalue they report).
   */
  @Override
  public boolean diagnostic(String part) {
    return part.equals(VERDICT);
  }

  private static Optional<Mismatch> witnessMismatch(
      KernelOnPoints input, PsdVerdict expected, double[] witness) {
    String shown = witness == null ? "null" : Arrays.toString(witness);
    if (expected.positiveSemidefinite()) {
      return Optional.of(
          new Mismatch("witness", "the empty array (the Gram matrix is PSD)", shown));
    }
    int n = input.points().length;
    String wanted = "a non-zero vector a of length " + n + " with aᵀKa < 0";
    if (witness == null || witness.length != n) {
      return Optional.of(new Mismatch("witness", wanted, shown));
    }
    double squaredNorm = 0;
    for (double value : witness) {
      if (!Double.isFinite(value)) {
        return Optional.of(new Mismatch("witness", wanted, shown));
      }
      squaredNorm += value * value;
    }
    if (!(squaredNorm > 0)) {
      return Optional.of(new Mismatch("witness", wanted, shown + " (the zero vector)"));
    }
    if (parallel(witness, expected.witness())) {
      return Optional.empty();
    }
    double[][] k = new KernelValidityReference().gram(input).values();
    double scale = KernelValidityReference.eigen(k).scale();
    double rayleigh = KernelValidityReference.quadraticForm(k, witness) / squaredNorm;
    if (rayleigh < -KernelValidityReference.RELATIVE_TOLERANCE * scale) {
      return Optional.empty();
    }
    return Optional.of(new Mismatch("witness",
        wanted + " (aᵀKa / aᵀa < " + (-KernelValidityReference.RELATIVE_TOLERANCE * scale) + ")",
        shown + " (aᵀKa / aᵀa = " + rayleigh + ")"));
  }

  /** Whether {@code a} and {@code b} are parallel: same length, neither zero. */
  private static boolean parallel(double[] a, double[] b) {
    if (b == null || b.length != a.length) {
      return false;
    }
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return aa > 0 && bb > 0 && ab * ab >= (1 - 1e-9) * aa * bb;
  }
}
