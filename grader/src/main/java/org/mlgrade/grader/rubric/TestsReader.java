package org.mlgrade.grader.rubric;

import static org.mlgrade.grader.rubric.Wording.describe;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mlgrade.reference.Problem;

/** Reads the {@code tests} of a question, explicit and generated, and settles their points. */
final class TestsReader {

  private final ErrorLog log;
  private final FieldReader fields;
  private final TestNames names;
  private final InputReader inputs;
  private final GeneratedTests generated;
  private final PointsSettler points;

  TestsReader(ErrorLog log, FieldReader fields, TestNames names) {
    this.log = log;
    this.fields = fields;
    this.names = names;
    this.inputs = new InputReader(log);
    this.generated = new GeneratedTests(log, fields, names);
    this.points = new PointsSettler(log);
  }

  /** The question's tests with their points, or null (and errors). */
  List<TestCase> read(
      JsonNode question,
      JsonPointer questionAt,
      String questionWhere,
      String questionId,
      Problem<?, ?, ?> problem,
      Scoring scoring,
      Visibility visibility,
      Double questionPoints) {
    JsonPointer at = questionAt.appendProperty("tests");
    JsonNode node = fields.required(question, questionAt, "tests", questionWhere);
    if (node == null) {
      return null;
    }
    if (!node.isArray() || node.isEmpty()) {
      log.error(
          at,
          "'tests' of "
              + questionWhere
              + " must be a non-empty list of tests, got "
              + describe(node));
      return null;
    }
    String id = questionId != null ? questionId : "?";
    List<DraftTest> drafts = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < node.size(); i++) {
      JsonNode entry = node.get(i);
      JsonPointer entryAt = at.appendIndex(i);
      String where = "test #" + (i + 1) + " of " + questionWhere;
      if (!fields.isObject(entry, entryAt, where)) {
        complete = false;
        continue;
      }
      Visibility shown =
          fields.choice(
              entry,
              entryAt,
              "visibility",
              where,
              List.of(Visibility.values()),
              Visibility::gradescopeName,
              visibility);
      List<DraftTest> read;
      if (entry.has("input") && entry.has("generate")) {
        log.keyError(
            entryAt.appendProperty("generate"),
            where
                + " has both 'input' and 'generate': an explicit test has 'input', generated tests"
                + " have 'generate'");
        read = null;
      } else if (entry.has("generate")) {
        fields.checkFields(entry, entryAt, RubricFields.GENERATED_TEST, where);
        Double pointsEach = testPoints(entry, entryAt, "points_each", where, scoring);
        read =
            generated.expand(
                entry,
                entryAt,
                where,
                id,
                problem,
                shown,
                pointsEach,
                entry.has("points_each") && pointsEach == null);
      } else if (entry.has("input")) {
        read = explicit(entry, entryAt, where, questionWhere, id, problem, shown, scoring);
      } else {
        fields.checkFields(
            entry, entryAt, union(RubricFields.EXPLICIT_TEST, RubricFields.GENERATED_TEST), where);
        log.error(
            entryAt,
            where + " needs 'input' (an explicit test) or 'generate' (seeded" + " random tests)");
        read = null;
      }
      if (read == null || shown == null) {
        complete = false;
      } else {
        drafts.addAll(read);
      }
    }
    if (!complete || questionPoints == null || scoring == null) {
      return null;
    }
    return points.settle(drafts, questionAt, questionWhere, scoring, questionPoints);
  }

  private List<DraftTest> explicit(
      JsonNode entry,
      JsonPointer at,
      String entryWhere,
      String questionWhere,
      String questionId,
      Problem<?, ?, ?> problem,
      Visibility visibility,
      Scoring scoring) {
    String name = fields.text(entry, at, "name", entryWhere, false);
    String where = name != null ? "test '" + name + "' of " + questionWhere : entryWhere;
    fields.checkFields(entry, at, RubricFields.EXPLICIT_TEST, where);
    Double testPoints = testPoints(entry, at, "points", where, scoring);
    Object input =
        problem == null
            ? null
            : inputs.read(entry.get("input"), at.appendProperty("input"), where, problem);
    if (name == null && entry.has("name")) {
      return null;
    }
    JsonPointer nameAt = name != null ? at.appendProperty("name") : at;
    if (name == null && visibility != null) {
      name = names.next(questionId + " " + visibility.gradescopeName());
    }
    boolean fresh = name == null || names.claim(name, nameAt);
    if (input == null || !fresh || (entry.has("points") && testPoints == null)) {
      return null;
    }
    return List.of(new DraftTest(name, input, visibility, testPoints, at));
  }

  private Double testPoints(
      JsonNode entry, JsonPointer at, String field, String where, Scoring scoring) {
    if (!entry.has(field)) {
      return null;
    }
    if (scoring != null && !scoring.pointsPerTest()) {
      log.keyError(
          at.appendProperty(field),
          "'"
              + field
              + "' of "
              + where
              + " is only allowed when the question's scoring is per_test or per_part, not "
              + scoring.rubricName());
      return null;
    }
    return fields.number(entry, at, field, where, FieldReader.Range.NON_NEGATIVE, false);
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
