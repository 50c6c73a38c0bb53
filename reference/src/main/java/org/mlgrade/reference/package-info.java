/**
 * The shape every homework problem shares on the trusted side: {@link org.mlgrade.reference.Problem}
 * ties a student-facing interface method to its reference solution, an input generator, a
 * comparison and the known mistakes; {@link org.mlgrade.reference.ProblemRegistry} finds problems
 * by id, and its standard registry discovers them through {@link
 * org.mlgrade.reference.ProblemProvider} services.
 */
package org.mlgrade.reference;
