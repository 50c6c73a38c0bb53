/**
 * The student-facing contract of the mlgrade homework: one interface per problem, in one package
 * per problem, with the records that carry its inputs and outputs.
 *
 * <p>Implement an interface in a public class with a public no-argument constructor; the grader
 * finds your class by the interface it implements, calls each method with the test's input and
 * compares what you return with the reference answer. Every method takes exactly one input record
 * and returns one output record. The Javadoc of each interface is the assignment's text.
 *
 * <p>Numbers are compared the way NumPy's {@code isclose} does, {@code |actual - expected| <= abs +
 * rel * |expected|}, with tolerances set by the instructor's rubric; counts, shapes and booleans
 * must match exactly.
 */
package org.mlgrade.api;
