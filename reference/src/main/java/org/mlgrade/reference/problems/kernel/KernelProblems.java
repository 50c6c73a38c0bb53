package org.mlgrade.reference.problems.kernel;

import java.util.List;
import org.mlgrade.api.kernel.GramMatrix;
import org.mlgrade.api.kernel.KernelOnPoints;
import org.mlgrade.api.kernel.KernelValidity;
import org.mlgrade.api.kernel.PsdVerdict;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemProvider;

/** The kernel validity problems: {@code kernel.gram-matrix} and {@code kernel.psd-check}. */
public final class KernelProblems implements ProblemProvider {

  /** For {@link java.util.ServiceLoader}; {@link #all()} is the same list without one. */
  public KernelProblems() {}

  @Override
  public List<Problem<?, ?, ?>> problems() {
    return all();
  }

  /** Every kernel problem. */
  public static List<Problem<?, ?, ?>> all() {
    return List.of(gramMatrix(), psdCheck());
  }

  /** {@link KernelValidity#gram}, compared entry by entry. */
  public static Problem<KernelValidity, KernelOnPoints, GramMatrix> gramMatrix() {
    return Problem.of("kernel.gram-matrix", "Gram matrix of a kernel", KernelValidity.class,
        "gram", KernelOnPoints.class, GramMatrix.class, KernelValidity::gram,
        new KernelValidityReference(), new KernelInputs(), KernelMistakes.gram());
  }

  /** {@link KernelValidity#checkPsd}, any valid witness accepted ({@link PsdComparison}). */
  public static Problem<KernelValidity, KernelOnPoints, PsdVerdict> psdCheck() {
    return new Problem<>("kernel.psd-check", "Is the Gram matrix positive semi-definite?",
        KernelValidity.class, "checkPsd", KernelOnPoints.class, PsdVerdict.class,
        KernelValidity::checkPsd, new KernelValidityReference(), new KernelInputs(),
        new PsdComparison(), KernelMistakes.psd());
  }
}
