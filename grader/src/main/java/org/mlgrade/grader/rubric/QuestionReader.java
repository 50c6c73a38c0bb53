package org.mlgrade.grader.rubric;

import static org.mlgrade.grader.rubric.Wording.describe;
import static org.mlgrade.grader.rubric.Wording.format;
import static org.mlgrade.grader.rubric.Wording.listOrNone;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mlgrade.grader.rubric.FieldReader.Range;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemRegistry;
import org.mlgrade.reference.Tolerance;

/**
 * Reads one question and checks that its parts agree: a known problem, a possible tolerance, known
 * mistakes of that problem, per-part fields only under per_part scoring, an id no other question
 * has.
 */
final class QuestionReader {

  private final ProblemRegistry registry;
  private final ErrorLog log;
  private final FieldReader fields;
  private final TestNames names;
  private final TestsReader tests;
  private final Map<String, JsonPointer> questionIds = new HashMap<>();

  QuestionReader(ProblemRegistry registry, ErrorLog log, FieldReader fields) {
    this.registry = registry;
    this.log = log;
    this.fields = fields;
    this.names = new TestNames(log);
    this.tests = new TestsReader(log, fields, names);
  }

  /** Where each test is named, by test name. */
  Map<String, JsonPointer> testPlaces() {
    return names.places();
  }

  /** The question at {@code at} (the {@code index}th, from 0), or null (and errors). */
  Question read(JsonNode node, JsonPointer at, int index) {
    if (!fields.isObject(node, at, "question #" + (index + 1))) {
      return null;
    }
    String id = fields.text(node, at, "id", "question #" + (index + 1), true);
    String where = id != null ? "question '" + id + "'" : "question #" + (index + 1);
    fields.checkFields(node, at, RubricFields.QUESTION, where);
    // A question without a usable id would repeat the default test names of another one.
    names.startQuestion(
        id != null && log.unique(questionIds, id, at.appendProperty("id"), "question id"));
    String title = fields.text(node, at, "title", where, false);
    Double points = fields.number(node, at, "points", where, Range.POSITIVE, true);
    Problem<?, ?, ?> problem = problem(node, at, where);
    Tolerance tolerance = tolerance(node, at, where);
    Scoring scoring =
        fields.choice(
            node,
            at,
            "scoring",
            where,
            List.of(Scoring.values()),
            Scoring::rubricName,
            Scoring.PER_TEST);
    Visibility visibility =
        fields.choice(
            node,
            at,
            "visibility",
            where,
            List.of(Visibility.values()),
            Visibility::gradescopeName,
            Visibility.VISIBLE);
    List<MistakeCredit> credits = mistakeCredits(node, at, where, problem);
    Map<String, Double> partWeights = partWeights(node, at, where, scoring);
    Double carriedForward = carriedForward(node, at, where, scoring);
    List<TestCase> cases = tests.read(node, at, where, id, problem, scoring, visibility, points);
    if (id == null
        || points == null
        || problem == null
        || tolerance == null
        || scoring == null
        || visibility == null
        || credits == null
        || cases == null
        || partWeights == null
        || carriedForward == null) {
      return null;
    }
    Question question =
        new Question(
            id,
            title != null ? title : problem.title(),
            points,
            problem,
            tolerance,
            scoring,
            credits,
            cases,
            visibility,
            partWeights,
            carriedForward);
    ToleranceCheck.nearZero(question)
        .ifPresent(warning -> log.warn(at.appendProperty("tolerance"), warning));
    return question;
  }

  private Map<String, Double> partWeights(
      JsonNode question, JsonPointer questionAt, String questionWhere, Scoring scoring) {
    JsonPointer at = questionAt.appendProperty("part_weights");
    JsonNode node = question.get("part_weights");
    if (node == null) {
      return Map.of();
    }
    if (!perPartOnly(at, "part_weights", questionWhere, scoring)) {
      return null;
    }
    String where = "'part_weights' of " + questionWhere;
    if (!fields.isObject(node, at, where)) {
      return null;
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    boolean complete = true;
    for (Iterator<String> parts = node.fieldNames(); parts.hasNext(); ) {
      String part = parts.next();
      Double weight = fields.number(node, at, part, where, Range.NON_NEGATIVE, true);
      if (weight == null) {
        complete = false;
      } else {
        weights.put(part, weight);
      }
    }
    return complete ? weights : null;
  }

  private Double carriedForward(
      JsonNode question, JsonPointer questionAt, String questionWhere, Scoring scoring) {
    if (!question.has("carried_forward")) {
      return 0.0;
    }
    if (!perPartOnly(
        questionAt.appendProperty("carried_forward"), "carried_forward", questionWhere, scoring)) {
      return null;
    }
    Double fraction =
        fields.number(
            question, questionAt, "carried_forward", questionWhere, Range.NON_NEGATIVE, false);
    if (fraction != null && fraction > 1) {
      log.error(
          questionAt.appendProperty("carried_forward"),
          "'carried_forward' of "
              + questionWhere
              + " must be a number in [0, 1], got "
              + format(fraction));
      return null;
    }
    return fraction;
  }

  private boolean perPartOnly(JsonPointer at, String field, String where, Scoring scoring) {
    if (scoring == null || scoring == Scoring.PER_PART) {
      return scoring != null;
    }
    log.keyError(
        at,
        "'"
            + field
            + "' of "
            + where
            + " is only allowed when the question's"
            + " scoring is per_part, not "
            + scoring.rubricName());
    return false;
  }

  private Problem<?, ?, ?> problem(JsonNode node, JsonPointer at, String where) {
    String id = fields.text(node, at, "problem", where, true);
    if (id == null) {
      return null;
    }
    Problem<?, ?, ?> problem = registry.find(id).orElse(null);
    if (problem == null) {
      log.error(
          at.appendProperty("problem"),
          "unknown problem '"
              + id
              + "' in "
              + where
              + " (known problems: "
              + listOrNone(registry.ids())
              + ")");
    }
    return problem;
  }

  private Tolerance tolerance(JsonNode question, JsonPointer questionAt, String questionWhere) {
    JsonPointer at = questionAt.appendProperty("tolerance");
    JsonNode node = question.get("tolerance");
    if (node == null) {
      return Tolerance.DEFAULT;
    }
    String where = "the tolerance of " + questionWhere;
    if (!fields.isObject(node, at, where)) {
      return null;
    }
    fields.checkFields(node, at, RubricFields.TOLERANCE, where);
    Double abs = fields.number(node, at, "abs", where, Range.NON_NEGATIVE, false);
    Double rel = fields.number(node, at, "rel", where, Range.NON_NEGATIVE, false);
    boolean broken = (node.has("abs") && abs == null) || (node.has("rel") && rel == null);
    // A part left out keeps its default: {rel: 1e-4} means {abs: 1e-9, rel: 1e-4}.
    return broken
        ? null
        : new Tolerance(
            abs == null ? Tolerance.DEFAULT.abs() : abs,
            rel == null ? Tolerance.DEFAULT.rel() : rel);
  }

  private List<MistakeCredit> mistakeCredits(
      JsonNode question, JsonPointer questionAt, String questionWhere, Problem<?, ?, ?> problem) {
    JsonPointer at = questionAt.appendProperty("mistake_credit");
    JsonNode node = question.get("mistake_credit");
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      log.error(
          at,
          "'mistake_credit' of "
              + questionWhere
              + " must be a list of {mistake, fraction}, got "
              + describe(node));
      return null;
    }
    List<MistakeCredit> credits = new ArrayList<>();
    Map<String, JsonPointer> seen = new HashMap<>();
    boolean complete = true;
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      JsonPointer itemAt = at.appendIndex(i);
      String where = "mistake_credit #" + (i + 1) + " of " + questionWhere;
      if (!fields.isObject(item, itemAt, where)) {
        complete = false;
        continue;
      }
      fields.checkFields(item, itemAt, RubricFields.MISTAKE_CREDIT, where);
      String mistake = fields.text(item, itemAt, "mistake", where, true);
      Double fraction = fields.number(item, itemAt, "fraction", where, Range.FRACTION, true);
      if (mistake != null && problem != null) {
        List<String> known = problem.knownMistakes().stream().map(KnownMistake::id).toList();
        if (!known.contains(mistake)) {
          log.error(
              itemAt.appendProperty("mistake"),
              "unknown mistake '"
                  + mistake
                  + "' in "
                  + where
                  + " (known mistakes of problem '"
                  + problem.id()
                  + "': "
                  + listOrNone(known)
                  + ")");
          mistake = null;
        } else if (!log.unique(seen, mistake, itemAt.appendProperty("mistake"), "mistake")) {
          mistake = null;
        }
      }
      if (mistake == null || fraction == null) {
        complete = false;
      } else {
        credits.add(new MistakeCredit(mistake, fraction));
      }
    }
    return complete ? credits : null;
  }
}
