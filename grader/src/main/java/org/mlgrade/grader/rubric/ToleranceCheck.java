package org.mlgrade.grader.rubric;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.mlgrade.reference.Problem;

/**
 * Looks for tolerances that would fail correct students: a purely relative tolerance ({@code
 * abs: 0}) on a question whose reference answers hold values near zero, where {@code rel *
 * |expected|} is smaller than the rounding of any other correct way to compute them.
 */
final class ToleranceCheck {

  /** Expected magnitudes below this count as near zero. */
  static final double NEAR_ZERO = 1e-3;

  private ToleranceCheck() {}

  /** A warning for {@code question}, if its tolerance is purely relative and answers are small. */
  static Optional<String> nearZero(Question question) {
    if (question.tolerance().abs() > 0 || question.tolerance().rel() == 0) {
      return Optional.empty();
    }
    double smallest = Double.POSITIVE_INFINITY;
    String where = null;
    for (TestCase test : question.tests()) {
      double found;
      try {
        found = smallestMagnitude(expected(question.problem(), test.input()));
      } catch (RuntimeException cannotAnswer) {
        continue; // reported as an error by validation of the plan
      }
      if (found < smallest) {
        smallest = found;
        where = test.name();
      }
    }
    if (!(smallest < NEAR_ZERO)) {
      return Optional.empty();
    }
    return Optional.of("the tolerance of question '" + question.id() + "' is purely relative"
        + " (abs: 0, rel: " + question.tolerance().rel() + "), but its reference answers hold"
        + " values near zero (" + smallest + " in test '" + where + "'), where rel * |expected|"
        + " is below the rounding of a correct answer computed another way: give abs too (e.g."
        + " abs: 1e-9), or leave it out to keep the default");
  }

  private static <S, I, O> O expected(Problem<S, I, O> problem, Object input) {
    return problem.expected(problem.castInput(input));
  }

  /** The smallest |x| over the floating-point values in {@code value}; infinity when none. */
  static double smallestMagnitude(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double x = ((Number) value).doubleValue();
      return Double.isNaN(x) ? Double.POSITIVE_INFINITY : Math.abs(x);
    }
    double smallest = Double.POSITIVE_INFINITY;
    if (value == null) {
      return smallest;
    }
    if (value.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(value); i++) {
        smallest = Math.min(smallest, smallestMagnitude(Array.get(value, i)));
      }
    } else if (value instanceof Collection<?> items) {
      for (Object item : items) {
        smallest = Math.min(smallest, smallestMagnitude(item));
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Object item : map.values()) {
        smallest = Math.min(smallest, smallestMagnitude(item));
      }
    } else if (value.getClass().isRecord()) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        smallest = Math.min(smallest, smallestMagnitude(read(component, value)));
      }
    }
    return smallest;
  }

  private static Object read(RecordComponent component, Object record) {
    try {
      component.getAccessor().setAccessible(true);
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }
}
