package org.mlgrade.reference;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Walks two values of the same type side by side and collects their differences: records by
 * component, arrays and lists by index, maps by key; {@code double} and {@code float} values with
 * a {@link Tolerance}, every other value exactly.
 *
 * <p>At most {@link #MAX_MISMATCHES} differences are listed and the rest are counted ({@link
 * Differences#omitted()}), so that a wrong 784-dimensional answer gives a readable message.
 */
public final class StructuralComparison {

  /** How many differences are listed before the rest are summarised. */
  public static final int MAX_MISMATCHES = 10;

  private final Tolerance tolerance;
  private final List<Mismatch> mismatches = new ArrayList<>();
  private int omitted;

  private StructuralComparison(Tolerance tolerance) {
    this.tolerance = tolerance;
  }

  /**
   * The differences of two values: the first {@link #MAX_MISMATCHES} listed, the others counted.
   *
   * @param listed the differences shown, in walking order
   * @param omitted how many more there are
   */
  public record Differences(List<Mismatch> listed, int omitted) {

    public Differences {
      listed = List.copyOf(listed);
    }

    /** Whether the two values are the same. */
    public boolean isEmpty() {
      return listed.isEmpty() && omitted == 0;
    }
  }

  /**
   * Returns the differences listed between {@code expected} and {@code actual}, empty if none; at
   * most {@link #MAX_MISMATCHES} (see {@link #differences} for the count of the others).
   */
  public static List<Mismatch> compare(Object expected, Object actual, Tolerance tolerance) {
    return differences("", expected, actual, tolerance).listed();
  }

  /**
   * The differences between {@code expected} and {@code actual}, their paths starting with {@code
   * path} (empty for the whole value).
   */
  public static Differences differences(String path, Object expected, Object actual,
      Tolerance tolerance) {
    StructuralComparison comparison = new StructuralComparison(Objects.requireNonNull(tolerance));
    comparison.walk(path, expected, actual);
    return new Differences(comparison.mismatches, comparison.omitted);
  }

  /** Whether {@code value} holds a NaN anywhere (in a record, array, list or map). */
  public static boolean containsNaN(Object value) {
    if (value instanceof Double d) {
      return d.isNaN();
    }
    if (value instanceof Float f) {
      return f.isNaN();
    }
    if (value instanceof double[] doubles) {
      return Arrays.stream(doubles).anyMatch(Double::isNaN);
    }
    if (value != null && value.getClass().isArray() && !value.getClass().getComponentType()
        .isPrimitive()) {
      return Arrays.stream((Object[]) value).anyMatch(StructuralComparison::containsNaN);
    }
    if (value instanceof Collection<?> items) {
      return items.stream().anyMatch(StructuralComparison::containsNaN);
    }
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().anyMatch(StructuralComparison::containsNaN);
    }
    if (value != null && value.getClass().isRecord()) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        if (containsNaN(read(component, value))) {
          return true;
        }
      }
    }
    return false;
  }

  private void walk(String path, Object expected, Object actual) {
    if (expected == null || actual == null) {
      if (expected != actual) {
        add(path, show(expected), show(actual));
      }
      return;
    }
    if (expected instanceof Double || expected instanceof Float) {
      if (!(actual instanceof Number number)
          || !tolerance.isClose(number.doubleValue(), ((Number) expected).doubleValue())) {
        add(path, show(expected), show(actual));
      }
    } else if (expected.getClass().isArray()) {
      walkArray(path, expected, actual);
    } else if (expected instanceof List<?> expectedList) {
      if (!(actual instanceof List<?> actualList)) {
        add(path, "a list", actual.getClass().getSimpleName());
        return;
      }
      if (expectedList.size() != actualList.size()) {
        add(path, "size " + expectedList.size(), "size " + actualList.size());
        return;
      }
      for (int i = 0; i < expectedList.size(); i++) {
        walk(path + "[" + i + "]", expectedList.get(i), actualList.get(i));
      }
    } else if (expected instanceof Map<?, ?> expectedMap) {
      if (!(actual instanceof Map<?, ?> actualMap)) {
        add(path, "a map", actual.getClass().getSimpleName());
        return;
      }
      if (!expectedMap.keySet().equals(actualMap.keySet())) {
        add(path, "keys " + expectedMap.keySet(), "keys " + actualMap.keySet());
        return;
      }
      for (Map.Entry<?, ?> entry : expectedMap.entrySet()) {
        walk(path + "[" + entry.getKey() + "]", entry.getValue(), actualMap.get(entry.getKey()));
      }
    } else if (expected instanceof Collection<?>) {
      if (!expected.equals(actual)) {
        add(path, show(expected), show(actual));
      }
    } else if (expected.getClass().isRecord()) {
      walkRecord(path, expected, actual);
    } else if (!expected.equals(actual)) {
      add(path, show(expected), show(actual));
    }
  }

  private void walkArray(String path, Object expected, Object actual) {
    if (!actual.getClass().isArray()) {
      add(path, "an array", actual.getClass().getSimpleName());
      return;
    }
    int expectedLength = Array.getLength(expected);
    int actualLength = Array.getLength(actual);
    if (expectedLength != actualLength) {
      add(path, "length " + expectedLength, "length " + actualLength);
      return;
    }
    for (int i = 0; i < expectedLength; i++) {
      walk(path + "[" + i + "]", Array.get(expected, i), Array.get(actual, i));
    }
  }

  private void walkRecord(String path, Object expected, Object actual) {
    if (expected.getClass() != actual.getClass()) {
      add(path, expected.getClass().getSimpleName(), actual.getClass().getSimpleName());
      return;
    }
    for (RecordComponent component : expected.getClass().getRecordComponents()) {
      String child = path.isEmpty() ? component.getName() : path + "." + component.getName();
      walk(child, read(component, expected), read(component, actual));
    }
  }

  static Object read(RecordComponent component, Object record) {
    try {
      component.getAccessor().setAccessible(true);
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + component, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("accessor of " + component + " threw", e.getCause());
    }
  }

  private void add(String path, String expected, String actual) {
    if (mismatches.size() < MAX_MISMATCHES) {
      mismatches.add(new Mismatch(path, expected, actual));
    } else {
      omitted++;
    }
  }

  /** Shows a value the way a student reads it: arrays by content, {@code null} as "null". */
  static String show(Object value) {
    if (value == null) {
      return "null";
    }
    if (value.getClass().isArray()) {
      if (value instanceof Object[] objects) {
        return Arrays.deepToString(objects);
      }
      int length = Array.getLength(value);
      StringBuilder text = new StringBuilder("[");
      for (int i = 0; i < length; i++) {
        text.append(i == 0 ? "" : ", ").append(Array.get(value, i));
      }
      return text.append(']').toString();
    }
    return String.valueOf(value);
  }
}
