package org.mlgrade.grader.rubric;

import java.util.List;
import java.util.Map;

/**
 * The field names a rubric file may use, object kind by object kind, in the order the format's
 * documentation lists them. The loader accepts exactly these; a test checks that the published
 * JSON Schema names the same ones, so the two cannot drift apart.
 */
final class RubricFields {

  static final List<String> RUBRIC = List.of(
      "$schema", "assignment", "total", "limits", "static_checks", "on_static_finding",
      "results_per", "visibility", "stdout_visibility", "questions");
  static final List<String> LIMITS = List.of(
      "per_test_seconds", "total_seconds", "heap_mb", "output_bytes");
  static final List<String> QUESTION = List.of(
      "id", "title", "points", "problem", "tolerance", "scoring", "visibility", "mistake_credit",
      "part_weights", "carried_forward", "tests");
  static final List<String> TOLERANCE = List.of("abs", "rel");
  static final List<String> MISTAKE_CREDIT = List.of("mistake", "fraction");
  static final List<String> EXPLICIT_TEST = List.of("name", "input", "visibility", "points");
  static final List<String> GENERATED_TEST = List.of("generate", "visibility", "points_each");
  static final List<String> GENERATE = List.of("count", "seed", "first", "name_prefix");

  /** Every object kind, by the name its definition has in the JSON Schema's {@code $defs}. */
  static final Map<String, List<String>> BY_SCHEMA_DEF = Map.of(
      "rubric", RUBRIC,
      "limits", LIMITS,
      "question", QUESTION,
      "tolerance", TOLERANCE,
      "mistake_credit", MISTAKE_CREDIT,
      "explicit_test", EXPLICIT_TEST,
      "generated_test", GENERATED_TEST,
      "generate", GENERATE);

  /** The values of {@code results_per}. */
  static final List<String> RESULTS_PER = List.of("test", "question");

  /** The values of {@code on_static_finding}. */
  static final List<String> ON_STATIC_FINDING = List.of("report", "void");

  private RubricFields() {}
}
