package org.mlgrade.grader.rubric;

import com.fasterxml.jackson.core.JsonPointer;
import java.util.HashMap;
import java.util.Map;

/**
 * The names of a rubric's tests: default names numbered per prefix within a question, and every
 * name unique across the rubric.
 */
final class TestNames {

  private final ErrorLog log;
  private final Map<String, JsonPointer> used = new HashMap<>();
  private Map<String, Integer> counters = new HashMap<>();
  private boolean checked;

  TestNames(ErrorLog log) {
    this.log = log;
  }

  /**
   * Starts the names of a new question; {@code checked} false when its id is unusable, since its
   * default names would then repeat those of another question.
   */
  void startQuestion(boolean checked) {
    this.checked = checked;
    counters = new HashMap<>();
  }

  /** The next default name with {@code prefix}: {@code <prefix> #<n>}, counting from 1. */
  String next(String prefix) {
    int n = counters.merge(prefix, 1, Integer::sum);
    return prefix + " #" + n;
  }

  /** Where each name was claimed, by name. */
  Map<String, JsonPointer> places() {
    return used;
  }

  /** Records {@code name} as used at {@code at}; false (and an error) if it was used before. */
  boolean claim(String name, JsonPointer at) {
    return !checked || log.unique(used, name, at, "test name");
  }
}
