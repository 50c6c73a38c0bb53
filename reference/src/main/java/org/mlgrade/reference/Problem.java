package org.mlgrade.reference;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One gradable homework task: a method of a student-facing interface, with everything the trusted
 * side needs to grade it.
 *
 * <p>The sandbox calls the student's implementation of {@code solverType} through the method
 * named {@code method}, which takes one {@code inputType} and returns one {@code outputType}; the
 * grader computes the expected output with {@code call.apply(reference, input)} and compares with
 * {@code comparison}. A problem is the only extension point of the grader: adding one touches
 * {@code reference/} and {@code rubrics/} and no grader code.
 *
 * @param <S> the student-facing interface
 * @param <I> the input record
 * @param <O> the output record
 * @param id stable id used by rubrics, {@code area.task} in lower case, e.g. {@code
 *     "conv.output-shape"}
 * @param title a short human title
 * @param solverType the student-facing interface (in {@code org.mlgrade.api})
 * @param method the name of the interface method this problem grades
 * @param inputType the method's parameter type
 * @param outputType the method's return type
 * @param call calls the method on a solver, e.g. {@code ConvArithmetic::outputShape}
 * @param reference the trusted solution
 * @param generator seeded inputs for {@code generate:} tests
 * @param comparison accepts or rejects a student's output
 * @param knownMistakes named wrong solvers, used to diagnose failures
 */
public record Problem<S, I, O>(
    String id,
    String title,
    Class<S> solverType,
    String method,
    Class<I> inputType,
    Class<O> outputType,
    BiFunction<S, I, O> call,
    S reference,
    InputGenerator<I> generator,
    Comparison<I, O> comparison,
    List<KnownMistake<S>> knownMistakes) {

  public Problem {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+")) {
      throw new IllegalArgumentException("problem id must look like 'area.task-name', got " + id);
    }
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(generator, "generator");
    Objects.requireNonNull(comparison, "comparison");
    knownMistakes = List.copyOf(knownMistakes);
    if (!solverType.isInterface() || !solverType.getName().startsWith("org.mlgrade.api.")) {
      throw new IllegalArgumentException(
          id + ": solver type must be an interface in org.mlgrade.api, got " + solverType);
    }
    Method target;
    try {
      target = solverType.getMethod(method, inputType);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          id + ": " + solverType.getSimpleName() + " has no method " + method + "("
              + inputType.getSimpleName() + ")", e);
    }
    if (target.getReturnType() != outputType) {
      throw new IllegalArgumentException(
          id + ": " + method + " returns " + target.getReturnType().getSimpleName() + ", not "
              + outputType.getSimpleName());
    }
    long distinct = knownMistakes.stream().map(KnownMistake::id).distinct().count();
    if (distinct != knownMistakes.size()) {
      throw new IllegalArgumentException(id + ": known mistake ids must be unique");
    }
  }

  /** A problem compared field by field ({@link Comparison#structural()}). */
  public static <S, I, O> Problem<S, I, O> of(
      String id,
      String title,
      Class<S> solverType,
      String method,
      Class<I> inputType,
      Class<O> outputType,
      BiFunction<S, I, O> call,
      S reference,
      InputGenerator<I> generator,
      List<KnownMistake<S>> knownMistakes) {
    return new Problem<>(id, title, solverType, method, inputType, outputType, call, reference,
        generator, Comparison.structural(), knownMistakes);
  }

  /** The reference answer for {@code input}. */
  public O expected(I input) {
    return call.apply(reference, input);
  }

  /** The differences between the student's {@code actual} output and {@code expected}. */
  public List<Mismatch> compare(I input, O expected, O actual, Tolerance tolerance) {
    return comparison.compare(input, expected, actual, tolerance);
  }

  /**
   * The first known mistake whose output for {@code input} the student's {@code actual} output
   * matches, if any. A mistake that throws on this input, or whose answer the problem's comparison
   * would accept (so that it cannot be told apart here), is skipped. The match itself is {@link
   * Comparison#sameAnswer}, not the any-valid-answer rule of {@link Comparison#compare}: a mistake
   * is one particular wrong answer.
   */
  public Optional<KnownMistake<S>> diagnose(I input, O expected, O actual, Tolerance tolerance) {
    for (KnownMistake<S> mistake : knownMistakes) {
      O wrong;
      try {
        wrong = call.apply(mistake.solver(), input);
      } catch (RuntimeException e) {
        continue;
      }
      if (comparison.compare(input, expected, wrong, tolerance).isEmpty()) {
        continue;
      }
      if (comparison.sameAnswer(input, wrong, actual, tolerance)) {
        return Optional.of(mistake);
      }
    }
    return Optional.empty();
  }

  /** Casts an untyped input (as read from a rubric) to this problem's input type. */
  public I castInput(Object input) {
    return inputType.cast(input);
  }

  /** Casts an untyped output (as read from the sandbox) to this problem's output type. */
  public O castOutput(Object output) {
    return outputType.cast(output);
  }
}
