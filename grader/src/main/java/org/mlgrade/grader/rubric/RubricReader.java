package org.mlgrade.grader.rubric;

import static org.mlgrade.grader.rubric.Wording.describe;
import static org.mlgrade.grader.rubric.Wording.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.mlgrade.grader.rubric.FieldReader.Range;
import org.mlgrade.grader.rubric.RubricPlaces.Place;
import org.mlgrade.reference.ProblemRegistry;

/**
 * Validates one parsed rubric file and builds its {@link Rubric}, collecting every error.
 *
 * <p>Each part is checked as far as it can be on its own: a question with a bad tolerance still has
 * its tests checked, so that one run of {@code mlgrade validate} shows all that is wrong. A part
 * whose value is broken yields {@code null} and the {@link ErrorLog} grows; the rubric is built
 * only when it holds no error. This class reads the top level (limits, static checks, visibilities,
 * the total); {@link QuestionReader} reads each question and {@link TestsReader} its tests. Used
 * once, by one thread.
 */
final class RubricReader {

  private static final JsonPointer ROOT = JsonPointer.empty();
  private static final double MAX_SECONDS = 24 * 3600;
  private static final int MIN_HEAP_MB = 16;

  private final Path file;
  private final LocatedTree tree;
  private final ErrorLog log;
  private final FieldReader fields;
  private final QuestionReader questions;

  RubricReader(ProblemRegistry registry, Path file, LocatedTree tree) {
    this.file = file;
    this.tree = tree;
    this.log = new ErrorLog(file, tree);
    this.fields = new FieldReader(log);
    this.questions = new QuestionReader(registry, log, fields);
  }

  Rubric read() throws RubricException {
    JsonNode root = tree.root();
    if (!root.isObject()) {
      log.error(
          ROOT,
          "a rubric must be an object with the fields "
              + String.join(", ", RubricFields.RUBRIC)
              + ", got "
              + describe(root));
      throw log.exception();
    }
    String where = "the rubric";
    fields.checkFields(root, ROOT, RubricFields.RUBRIC, where);
    fields.text(root, ROOT, "$schema", where, false);
    String assignment = fields.text(root, ROOT, "assignment", where, true);
    Double total = fields.number(root, ROOT, "total", where, Range.POSITIVE, false);
    Limits limits = limits(root);
    List<String> checks = staticChecks(root);
    String onFinding =
        fields.choice(
            root,
            ROOT,
            "on_static_finding",
            where,
            RubricFields.ON_STATIC_FINDING,
            Function.identity(),
            "report");
    String resultsPer =
        fields.choice(
            root,
            ROOT,
            "results_per",
            where,
            RubricFields.RESULTS_PER,
            Function.identity(),
            "test");
    Visibility visibility =
        fields.choice(
            root,
            ROOT,
            "visibility",
            where,
            List.of(Visibility.values()),
            Visibility::gradescopeName,
            Visibility.VISIBLE);
    Visibility stdoutVisibility =
        fields.choice(
            root,
            ROOT,
            "stdout_visibility",
            where,
            List.of(Visibility.values()),
            Visibility::gradescopeName,
            Visibility.HIDDEN);
    List<Question> read = questions(root);
    if (total != null && read != null) {
      double sum = read.stream().mapToDouble(Question::points).sum();
      if (!PointsSettler.same(sum, total)) {
        log.error(
            ROOT.appendProperty("total"),
            "the questions add up to " + format(sum) + " points, but 'total' is " + format(total));
      }
    }
    if (log.hasErrors()) {
      throw log.exception();
    }
    return new Rubric(
        file,
        assignment,
        limits,
        checks,
        "test".equals(resultsPer),
        read,
        visibility,
        stdoutVisibility,
        log.warnings(),
        "void".equals(onFinding),
        places());
  }

  private RubricPlaces places() {
    Map<String, Place> tests = new HashMap<>();
    questions.testPlaces().forEach((name, at) -> tests.put(name, place(at)));
    JsonPointer limits = ROOT.appendProperty("limits");
    return new RubricPlaces(
        tests,
        place(limits.appendProperty("per_test_seconds")),
        place(limits.appendProperty("total_seconds")));
  }

  private Place place(JsonPointer at) {
    JsonLocation where = tree.valueAt(at);
    return new Place(Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
  }

  /** A Jackson message without Java (see {@link Wording#plain}). */
  static String plain(String message) {
    return Wording.plain(message);
  }

  private Limits limits(JsonNode root) {
    JsonPointer at = ROOT.appendProperty("limits");
    JsonNode node = root.get("limits");
    if (node == null || !fields.isObject(node, at, "'limits'")) {
      return Limits.DEFAULT;
    }
    String where = "limits";
    fields.checkFields(node, at, RubricFields.LIMITS, where);
    Double perTest = seconds(node, at, "per_test_seconds", where);
    Double total = seconds(node, at, "total_seconds", where);
    Long heap = fields.integer(node, at, "heap_mb", where, MIN_HEAP_MB, Integer.MAX_VALUE, false);
    Long output = fields.integer(node, at, "output_bytes", where, 1, Integer.MAX_VALUE, false);
    Duration perTestTime = perTest == null ? Limits.DEFAULT.perTest() : duration(perTest);
    Duration totalTime = total == null ? Limits.DEFAULT.total() : duration(total);
    if (totalTime.compareTo(perTestTime) < 0 && (perTest != null || total != null)) {
      log.error(
          at.appendProperty(total != null ? "total_seconds" : "per_test_seconds"),
          "total_seconds ("
              + format(totalTime.toMillis() / 1000.0)
              + ") must be at least per_test_seconds ("
              + format(perTestTime.toMillis() / 1000.0)
              + ")");
    }
    return new Limits(
        perTestTime,
        totalTime,
        heap == null ? Limits.DEFAULT.heapMegabytes() : heap.intValue(),
        output == null ? Limits.DEFAULT.outputBytes() : output.intValue());
  }

  private Double seconds(JsonNode node, JsonPointer at, String field, String where) {
    Double seconds = fields.number(node, at, field, where, Range.POSITIVE, false);
    if (seconds != null && seconds > MAX_SECONDS) {
      log.error(
          at.appendProperty(field),
          "'"
              + field
              + "' of "
              + where
              + " must be at most "
              + format(MAX_SECONDS)
              + " seconds, got "
              + format(seconds));
      return null;
    }
    return seconds;
  }

  private static Duration duration(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  private List<String> staticChecks(JsonNode root) {
    JsonPointer at = ROOT.appendProperty("static_checks");
    JsonNode node = root.get("static_checks");
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      log.error(
          at,
          "'static_checks' must be a list of rule ids (any of: "
              + String.join(", ", RubricLoader.STATIC_CHECK_IDS)
              + "), got "
              + describe(node));
      return List.of();
    }
    Set<String> checks = new LinkedHashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      JsonPointer itemAt = at.appendIndex(i);
      if (!item.isTextual() || !RubricLoader.STATIC_CHECK_IDS.contains(item.asText())) {
        log.error(
            itemAt,
            "unknown static check "
                + describe(item)
                + " (expected one of: "
                + String.join(", ", RubricLoader.STATIC_CHECK_IDS)
                + ")");
      } else if (!checks.add(item.asText())) {
        log.error(itemAt, "static check '" + item.asText() + "' is listed twice");
      }
    }
    return List.copyOf(checks);
  }

  /** How many tests the questions declare: one per explicit test, count per generated entry. */
  private static long plannedTests(JsonNode questions) {
    long planned = 0;
    for (JsonNode question : questions) {
      for (JsonNode entry : question.path("tests")) {
        JsonNode count = entry.path("generate").path("count");
        planned +=
            count.canConvertToLong() && count.longValue() > 0
                ? Math.min(count.longValue(), Integer.MAX_VALUE)
                : 1;
      }
    }
    return planned;
  }

  private List<Question> questions(JsonNode root) {
    JsonPointer at = ROOT.appendProperty("questions");
    JsonNode node = fields.required(root, ROOT, "questions", "the rubric");
    if (node == null) {
      return null;
    }
    if (!node.isArray() || node.isEmpty()) {
      log.error(at, "'questions' must be a non-empty list of questions, got " + describe(node));
      return null;
    }
    long planned = plannedTests(node);
    if (planned > RubricLoader.MAX_TESTS) {
      // Refused before any input is generated or read: they are what takes the memory.
      log.error(
          at,
          "the rubric has "
              + planned
              + " tests; a rubric may have at most "
              + RubricLoader.MAX_TESTS
              + " (each one is a call of every submission)");
      return null;
    }
    List<Question> read = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < node.size(); i++) {
      Question question = questions.read(node.get(i), at.appendIndex(i), i);
      complete &= question != null;
      read.add(question);
    }
    return complete ? read : null;
  }
}
