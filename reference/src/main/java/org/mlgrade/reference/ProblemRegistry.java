package org.mlgrade.reference;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

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

  /**
   * Every problem of the mlgrade homework set: those of each {@link ProblemProvider} named in
   * {@code META-INF/services}, providers ordered by class name (so by problem package), each
   * provider's problems in its own order.
   */
  public static ProblemRegistry standard() {
    return new ProblemRegistry(ServiceLoader.load(ProblemProvider.class,
            ProblemProvider.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparing(provider -> provider.getClass().getName()))
        .flatMap(provider -> provider.problems().stream())
        .toList());
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
