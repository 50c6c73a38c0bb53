package org.mlgrade.grader.rubric;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.mlgrade.reference.InputGenerator;
import org.mlgrade.reference.Problem;

/**
 * Expands a {@code generate:} entry into its tests: test {@code i} gets the problem generator's
 * input for {@code InputGenerator.randomFor(seed, i)}.
 */
final class GeneratedTests {

  /** The most tests one entry may generate, and the highest {@code first}. */
  static final int MAX_GENERATED = 10_000;

  private final ErrorLog log;
  private final FieldReader fields;
  private final TestNames names;

  GeneratedTests(ErrorLog log, FieldReader fields, TestNames names) {
    this.log = log;
    this.fields = fields;
    this.names = names;
  }

  /**
   * The tests of the entry at {@code at}, or null (and errors).
   *
   * @param pointsEach the entry's {@code points_each}, null when absent or broken
   * @param pointsBroken whether {@code points_each} is present but broken
   */
  List<DraftTest> expand(
      JsonNode entry,
      JsonPointer at,
      String where,
      String questionId,
      Problem<?, ?, ?> problem,
      Visibility visibility,
      Double pointsEach,
      boolean pointsBroken) {
    JsonPointer genAt = at.appendProperty("generate");
    JsonNode gen = entry.get("generate");
    String genWhere = "'generate' of " + where;
    if (!fields.isObject(gen, genAt, genWhere)) {
      return null;
    }
    fields.checkFields(gen, genAt, RubricFields.GENERATE, genWhere);
    Long count = fields.integer(gen, genAt, "count", genWhere, 1, MAX_GENERATED, true);
    Long seed = fields.integer(gen, genAt, "seed", genWhere, Long.MIN_VALUE, Long.MAX_VALUE, true);
    Long first = fields.integer(gen, genAt, "first", genWhere, 0, MAX_GENERATED, false);
    String prefix = fields.text(gen, genAt, "name_prefix", genWhere, false);
    if (count == null
        || seed == null
        || problem == null
        || visibility == null
        || (gen.has("first") && first == null)
        || (gen.has("name_prefix") && prefix == null)
        || pointsBroken) {
      return null;
    }
    if (prefix == null) {
      prefix = questionId + " " + visibility.gradescopeName();
    }
    JsonPointer nameAt = gen.has("name_prefix") ? genAt.appendProperty("name_prefix") : genAt;
    List<DraftTest> drafts = new ArrayList<>();
    int from = first == null ? 0 : first.intValue();
    for (int i = from; i < from + count; i++) {
      Object input;
      try {
        input = problem.generator().generate(InputGenerator.randomFor(seed, i), i);
      } catch (RuntimeException e) {
        log.error(
            genAt,
            "the generator of problem '"
                + problem.id()
                + "' failed on generated"
                + " test #"
                + (i + 1)
                + " of "
                + where
                + ": "
                + e);
        return null;
      }
      String name = names.next(prefix);
      if (!names.claim(name, nameAt)) {
        return null;
      }
      drafts.add(new DraftTest(name, input, visibility, pointsEach, at));
    }
    return drafts;
  }
}
