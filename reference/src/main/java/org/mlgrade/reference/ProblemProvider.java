package org.mlgrade.reference;

import java.util.List;

/**
 * A source of homework problems, found by {@link ProblemRegistry#standard()} with {@link
 * java.util.ServiceLoader}: one implementation per problem package, each named on its own line of
 * {@code META-INF/services/org.mlgrade.reference.ProblemProvider}. A new problem is a new package
 * and one line in that file; nothing else in the reference or the grader lists it.
 *
 * <p>Implementations are public classes with a public constructor without arguments.
 */
public interface ProblemProvider {

  /** The problems of this package, in the order they are listed in reports and errors. */
  List<Problem<?, ?, ?>> problems();
}
