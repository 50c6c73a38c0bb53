package org.mlgrade.reference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlgrade.reference.problems.alexnet.AlexNetProblems;
import org.mlgrade.reference.problems.backprop.BackpropProblems;
import org.mlgrade.reference.problems.conv.ConvProblems;
import org.mlgrade.reference.problems.em.EmProblems;
import org.mlgrade.reference.problems.kernel.KernelProblems;
import org.mlgrade.reference.problems.logreg.LogisticRegressionProblems;
import org.mlgrade.reference.problems.naivebayes.NaiveBayesProblems;
import org.mlgrade.reference.problems.resnet.ResNetProblems;

/** The homework problems the grader knows, by id. */
public final class ProblemRegistry {

  private final Map<String, Problem<?, ?, ?>> byId = new LinkedHashMap<>();

  /** A registry of the given problems; ids must be unique. */
  public ProblemRegistry(Collection<? extends Problem<?, ?, ?>> problems) {
    for (Problem<?, ?, ?> problem : problems) {
      if (byId.putIfAbsent(problem.id(), problem) != null) {
        throw new IllegalArgumentException("duplicate problem id " + problem.id());
      }
    }
  }

  /** Every problem of the mlgrade homework set. */
  public static ProblemRegistry standard() {
    List<Problem<?, ?, ?>> all = new ArrayList<>();
    // One line per problem package; keep alphabetical.
    all.addAll(AlexNetProblems.all());
    all.addAll(BackpropProblems.all());
    all.addAll(ConvProblems.all());
    all.addAll(EmProblems.all());
    all.addAll(KernelProblems.all());
    all.addAll(LogisticRegressionProblems.all());
    all.addAll(NaiveBayesProblems.all());
    all.addAll(ResNetProblems.all());
    return new ProblemRegistry(all);
  }

  /** The problem with this id, if there is one. */
  public Optional<Problem<?, ?, ?>> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** All problems, in registration order. */
  public List<Problem<?, ?, ?>> all() {
    return List.copyOf(byId.values());
  }

  /** All problem ids, in registration order. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }
}
