package org.mlgrade.grader.rubric;

import java.util.Map;

/**
 * Where the parts of a rubric are written in its file, for warnings found after loading (such as
 * the reference's run time against the limits), so that they too name file:line:column.
 *
 * @param tests where each test is named (its {@code name}, or the entry that generates it), by test
 *     name
 * @param perTestSeconds where {@code limits.per_test_seconds} is written, or the limits (or the
 *     file's start) when it is left to its default
 * @param totalSeconds the same for {@code limits.total_seconds}
 */
public record RubricPlaces(Map<String, Place> tests, Place perTestSeconds, Place totalSeconds) {

  /** A 1-based line and column. */
  public record Place(int line, int column) {}

  /** The start of the file, for every part: for rubrics not read from a file. */
  public static final RubricPlaces UNKNOWN =
      new RubricPlaces(Map.of(), new Place(1, 1), new Place(1, 1));

  public RubricPlaces {
    tests = Map.copyOf(tests);
  }

  /** Where the test {@code name} is written; the file's start if unknown. */
  public Place test(String name) {
    return tests.getOrDefault(name, new Place(1, 1));
  }
}
