package org.mlgrade.reference;

import java.lang.reflect.Method;
import java.util.ArrayList;
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

  /** The parts of the student's {@code actual} output, each judged against {@code expected}. */
  public List<PartResult> compareParts(I input, O expected, O actual, Tolerance tolerance) {
    return comparison.compareParts(input, expected, actual, tolerance);
  }

  /**
   * The known mistakes that explain the student's wrong {@code actual} output.
   *
   * <p>The diagnosis looks at the parts in which {@code actual} differs from {@code expected}
   * (the {@link Comparison#diagnostic} ones, or all of them when only reported-alongside parts
   * differ). A mistake matches when its output reproduces every one of those parts ({@link
   * Comparison#samePart}) and is not {@link #refutes refuted}: the parts the student got right
   * need not differ in the mistake's output, but must not be wrong there. A mistake that throws
   * on this input, or whose answer the comparison accepts, is skipped. Every match is returned;
   * NaN matches nothing, and a NaN in a wrong part is reported with the mistakes that also give
   * NaN there as likely causes.
   */
  public MistakeDiagnosis<S> diagnose(I input, O expected, O actual, Tolerance tolerance) {
    List<PartResult> parts = compareParts(input, expected, actual, tolerance);
    List<String> wrong = parts.stream().filter(p -> !p.right()).map(PartResult::name).toList();
    if (wrong.isEmpty()) {
      return MistakeDiagnosis.none();
    }
    List<String> told = wrong.stream().filter(comparison::diagnostic).toList();
    List<String> decisive = told.isEmpty() ? wrong : told;
    List<String> nonFinite = nonFiniteParts(parts);
    List<KnownMistake<S>> matches = new ArrayList<>();
    List<KnownMistake<S>> causes = new ArrayList<>();
    for (KnownMistake<S> mistake : knownMistakes) {
      Optional<O> answer = answer(mistake, input);
      if (answer.isEmpty()) {
        continue;
      }
      List<PartResult> its = compareParts(input, expected, answer.get(), tolerance);
      if (its.stream().allMatch(PartResult::right)) {
        continue;
      }
      List<String> itsWrong = its.stream().filter(p -> !p.right()).map(PartResult::name)
          .toList();
      boolean reproduces = itsWrong.containsAll(decisive) && decisive.stream()
          .allMatch(part -> comparison.samePart(input, part, answer.get(), actual, tolerance));
      if (reproduces && !wrongWhereRight(parts, its)) {
        matches.add(mistake);
      }
      if (!nonFinite.isEmpty() && nonFiniteParts(its).containsAll(nonFinite)) {
        causes.add(mistake);
      }
    }
    List<String> alongside = wrong.stream().filter(p -> !comparison.diagnostic(p)).toList();
    if (matches.size() > 1 && !told.isEmpty() && !alongside.isEmpty()) {
      // Several mistakes give the student's wrong verdict: prefer those that also reproduce the
      // wrong values reported alongside it, when some do.
      List<KnownMistake<S>> closer = matches.stream().filter(m -> alongside.stream().allMatch(
          part -> comparison.samePart(input, part, answer(m, input).orElseThrow(), actual,
              tolerance))).toList();
      if (!closer.isEmpty()) {
        matches = closer;
      }
    }
    return new MistakeDiagnosis<>(matches, nonFinite, causes);
  }

  /**
   * Whether {@code mistake} cannot be what the student did on this input: its output is wrong
   * in a {@link Comparison#diagnostic} part that the student's {@code actual} output gets right.
   * Used across the tests of a question to tell apart mistakes that match the same failed test.
   * A mistake that throws here is not refuted.
   */
  public boolean refutes(I input, O expected, O actual, KnownMistake<S> mistake,
      Tolerance tolerance) {
    Optional<O> answer = answer(mistake, input);
    return answer.isPresent() && wrongWhereRight(
        compareParts(input, expected, actual, tolerance),
        compareParts(input, expected, answer.get(), tolerance));
  }

  private Optional<O> answer(KnownMistake<S> mistake, I input) {
    try {
      return Optional.ofNullable(call.apply(mistake.solver(), input));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private boolean wrongWhereRight(List<PartResult> student, List<PartResult> mistake) {
    for (int i = 0; i < student.size() && i < mistake.size(); i++) {
      PartResult mine = student.get(i);
      if (mine.right() && comparison.diagnostic(mine.name()) && !mistake.get(i).right()) {
        return true;
      }
    }
    return false;
  }

  /** The wrong parts whose listed differences show NaN in the answer. */
  private static List<String> nonFiniteParts(List<PartResult> parts) {
    return parts.stream().filter(p -> !p.right())
        .filter(p -> p.mismatches().stream().anyMatch(m -> m.actual().contains("NaN")))
        .map(PartResult::name).toList();
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
