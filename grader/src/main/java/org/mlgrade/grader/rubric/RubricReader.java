package org.mlgrade.grader.rubric;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.InputGenerator;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.ProblemRegistry;
import org.mlgrade.reference.Tolerance;

/**
 * Validates one parsed rubric file and builds its {@link Rubric}, collecting every error.
 *
 * <p>Each part is checked as far as it can be on its own: a question with a bad tolerance still
 * has its tests checked, so that one run of {@code mlgrade validate} shows all that is wrong. A
 * part whose value is broken yields {@code null} and the errors list grows; the rubric is built
 * only when the list stays empty. Used once, by one thread.
 */
final class RubricReader {

  private static final JsonPointer ROOT = JsonPointer.empty();
  private static final double MAX_SECONDS = 24 * 3600;
  private static final int MIN_HEAP_MB = 16;
  private static final int MAX_GENERATED = 10_000;
  private static final Pattern OUT_OF_RANGE =
      Pattern.compile("Numeric value \\((-?[0-9.eE+-]+)\\) out of range of (\\w+)");
  private static final Pattern NON_FINITE_TEXT =
      Pattern.compile("[-+]?(?:NaN|nan|NAN|Infinity|infinity|INF|inf|Inf|\\.nan|\\.inf)");
  private static final Pattern JACKSON_HINT = Pattern.compile(
      "\\s*\\([^()]*(?:CoercionConfig|MapperFeature|DeserializationFeature|JsonFormat|"
          + "@Json|Jackson)[^()]*\\)");
  private static final Pattern QUALIFIED =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");
  private static final Pattern MISSING_PROPERTY =
      Pattern.compile("Missing (?:required )?creator property '([^']*)'");

  /** A test read from the rubric, before its points are settled. */
  private record Draft(String name, Object input, Visibility visibility, Double points,
      JsonPointer at) {}

  /** The numbers a field accepts, and how to say so. */
  private enum Range {
    POSITIVE("a finite number > 0", x -> x > 0),
    NON_NEGATIVE("a finite number >= 0", x -> x >= 0),
    FRACTION("a number in (0, 1]", x -> x > 0 && x <= 1);

    final String expected;
    final DoublePredicate accepts;

    Range(String expected, DoublePredicate accepts) {
      this.expected = expected;
      this.accepts = accepts;
    }
  }

  private final ProblemRegistry registry;
  private final Path file;
  private final LocatedTree tree;
  private final List<RubricError> errors = new ArrayList<>();
  private final List<RubricError> warnings = new ArrayList<>();
  private final Map<String, JsonPointer> questionIds = new HashMap<>();
  private final Map<String, JsonPointer> testNames = new HashMap<>();
  private boolean namesChecked;

  RubricReader(ProblemRegistry registry, Path file, LocatedTree tree) {
    this.registry = registry;
    this.file = file;
    this.tree = tree;
  }

  Rubric read() throws RubricException {
    JsonNode root = tree.root();
    if (!root.isObject()) {
      error(ROOT, "a rubric must be an object with the fields "
          + String.join(", ", RubricFields.RUBRIC) + ", got " + describe(root));
      throw new RubricException(errors);
    }
    String where = "the rubric";
    checkFields(root, ROOT, RubricFields.RUBRIC, where);
    text(root, ROOT, "$schema", where, false);
    String assignment = text(root, ROOT, "assignment", where, true);
    Double total = number(root, ROOT, "total", where, Range.POSITIVE, false);
    Limits limits = limits(root);
    List<String> checks = staticChecks(root);
    String onFinding = choice(root, ROOT, "on_static_finding", where,
        RubricFields.ON_STATIC_FINDING, Function.identity(), "report");
    String resultsPer = choice(root, ROOT, "results_per", where, RubricFields.RESULTS_PER,
        Function.identity(), "test");
    Visibility visibility = choice(root, ROOT, "visibility", where,
        List.of(Visibility.values()), Visibility::gradescopeName, Visibility.VISIBLE);
    Visibility stdoutVisibility = choice(root, ROOT, "stdout_visibility", where,
        List.of(Visibility.values()), Visibility::gradescopeName, Visibility.HIDDEN);
    List<Question> questions = questions(root);
    if (total != null && questions != null) {
      double sum = questions.stream().mapToDouble(Question::points).sum();
      if (!same(sum, total)) {
        error(ROOT.appendProperty("total"), "the questions add up to " + format(sum)
            + " points, but 'total' is " + format(total));
      }
    }
    if (!errors.isEmpty()) {
      throw new RubricException(errors);
    }
    return new Rubric(file, assignment, limits, checks, "test".equals(resultsPer), questions,
        visibility, stdoutVisibility, warnings, "void".equals(onFinding));
  }

  // ---- the rubric's parts ----

  private Limits limits(JsonNode root) {
    JsonPointer at = ROOT.appendProperty("limits");
    JsonNode node = root.get("limits");
    if (node == null || !isObject(node, at, "'limits'")) {
      return Limits.DEFAULT;
    }
    String where = "limits";
    checkFields(node, at, RubricFields.LIMITS, where);
    Double perTest = seconds(node, at, "per_test_seconds", where);
    Double total = seconds(node, at, "total_seconds", where);
    Long heap = integer(node, at, "heap_mb", where, MIN_HEAP_MB, Integer.MAX_VALUE, false);
    Long output = integer(node, at, "output_bytes", where, 1, Integer.MAX_VALUE, false);
    Duration perTestTime = perTest == null ? Limits.DEFAULT.perTest() : duration(perTest);
    Duration totalTime = total == null ? Limits.DEFAULT.total() : duration(total);
    if (totalTime.compareTo(perTestTime) < 0 && (perTest != null || total != null)) {
      error(at.appendProperty(total != null ? "total_seconds" : "per_test_seconds"),
          "total_seconds (" + format(totalTime.toMillis() / 1000.0)
              + ") must be at least per_test_seconds (" + format(perTestTime.toMillis() / 1000.0)
              + ")");
    }
    return new Limits(perTestTime, totalTime,
        heap == null ? Limits.DEFAULT.heapMegabytes() : heap.intValue(),
        output == null ? Limits.DEFAULT.outputBytes() : output.intValue());
  }

  private Double seconds(JsonNode node, JsonPointer at, String field, String where) {
    Double seconds = number(node, at, field, where, Range.POSITIVE, false);
    if (seconds != null && seconds > MAX_SECONDS) {
      error(at.appendProperty(field), "'" + field + "' of " + where + " must be at most "
          + format(MAX_SECONDS) + " seconds, got " + format(seconds));
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
      error(at, "'static_checks' must be a list of rule ids (any of: "
          + String.join(", ", RubricLoader.STATIC_CHECK_IDS) + "), got " + describe(node));
      return List.of();
    }
    Set<String> checks = new LinkedHashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      JsonPointer itemAt = at.appendIndex(i);
      if (!item.isTextual() || !RubricLoader.STATIC_CHECK_IDS.contains(item.asText())) {
        error(itemAt, "unknown static check " + describe(item) + " (expected one of: "
            + String.join(", ", RubricLoader.STATIC_CHECK_IDS) + ")");
      } else if (!checks.add(item.asText())) {
        error(itemAt, "static check '" + item.asText() + "' is listed twice");
      }
    }
    return List.copyOf(checks);
  }

  private List<Question> questions(JsonNode root) {
    JsonPointer at = ROOT.appendProperty("questions");
    JsonNode node = required(root, ROOT, "questions", "the rubric");
    if (node == null) {
      return null;
    }
    if (!node.isArray() || node.isEmpty()) {
      error(at, "'questions' must be a non-empty list of questions, got " + describe(node));
      return null;
    }
    List<Question> questions = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < node.size(); i++) {
      Question question = question(node.get(i), at.appendIndex(i), i);
      complete &= question != null;
      questions.add(question);
    }
    return complete ? questions : null;
  }

  private Question question(JsonNode node, JsonPointer at, int index) {
    if (!isObject(node, at, "question #" + (index + 1))) {
      return null;
    }
    String id = text(node, at, "id", "question #" + (index + 1), true);
    String where = id != null ? "question '" + id + "'" : "question #" + (index + 1);
    checkFields(node, at, RubricFields.QUESTION, where);
    // A question without a usable id would repeat the default test names of another one.
    namesChecked = id != null && unique(questionIds, id, at.appendProperty("id"), "question id");
    String title = text(node, at, "title", where, false);
    Double points = number(node, at, "points", where, Range.POSITIVE, true);
    Problem<?, ?, ?> problem = problem(node, at, where);
    Tolerance tolerance = tolerance(node, at, where);
    Scoring scoring = choice(node, at, "scoring", where, List.of(Scoring.values()),
        Scoring::rubricName, Scoring.PER_TEST);
    Visibility visibility = choice(node, at, "visibility", where, List.of(Visibility.values()),
        Visibility::gradescopeName, Visibility.VISIBLE);
    List<MistakeCredit> credits = mistakeCredits(node, at, where, problem);
    Map<String, Double> partWeights = partWeights(node, at, where, scoring);
    Double carriedForward = carriedForward(node, at, where, scoring);
    List<TestCase> tests = tests(node, at, where, id, problem, scoring, visibility, points);
    if (id == null || points == null || problem == null || tolerance == null || scoring == null
        || visibility == null || credits == null || tests == null || partWeights == null
        || carriedForward == null) {
      return null;
    }
    Question question = new Question(id, title != null ? title : problem.title(), points,
        problem, tolerance, scoring, credits, tests, visibility, partWeights, carriedForward);
    ToleranceCheck.nearZero(question).ifPresent(
        warning -> warn(at.appendProperty("tolerance"), warning));
    return question;
  }

  private Map<String, Double> partWeights(JsonNode question, JsonPointer questionAt,
      String questionWhere, Scoring scoring) {
    JsonPointer at = questionAt.appendProperty("part_weights");
    JsonNode node = question.get("part_weights");
    if (node == null) {
      return Map.of();
    }
    if (!perPartOnly(at, "part_weights", questionWhere, scoring)) {
      return null;
    }
    String where = "'part_weights' of " + questionWhere;
    if (!isObject(node, at, where)) {
      return null;
    }
    Map<String, Double> weights = new LinkedHashMap<>();
    boolean complete = true;
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String part = names.next();
      Double weight = number(node, at, part, where, Range.NON_NEGATIVE, true);
      if (weight == null) {
        complete = false;
      } else {
        weights.put(part, weight);
      }
    }
    return complete ? weights : null;
  }

  private Double carriedForward(JsonNode question, JsonPointer questionAt, String questionWhere,
      Scoring scoring) {
    if (!question.has("carried_forward")) {
      return 0.0;
    }
    if (!perPartOnly(questionAt.appendProperty("carried_forward"), "carried_forward",
        questionWhere, scoring)) {
      return null;
    }
    Double fraction = number(question, questionAt, "carried_forward", questionWhere,
        Range.NON_NEGATIVE, false);
    if (fraction != null && fraction > 1) {
      error(questionAt.appendProperty("carried_forward"), "'carried_forward' of "
          + questionWhere + " must be a number in [0, 1], got " + format(fraction));
      return null;
    }
    return fraction;
  }

  private boolean perPartOnly(JsonPointer at, String field, String where, Scoring scoring) {
    if (scoring == null || scoring == Scoring.PER_PART) {
      return scoring != null;
    }
    keyError(at, "'" + field + "' of " + where + " is only allowed when the question's scoring"
        + " is per_part, not " + scoring.rubricName());
    return false;
  }

  private Problem<?, ?, ?> problem(JsonNode node, JsonPointer at, String where) {
    String id = text(node, at, "problem", where, true);
    if (id == null) {
      return null;
    }
    Problem<?, ?, ?> problem = registry.find(id).orElse(null);
    if (problem == null) {
      error(at.appendProperty("problem"), "unknown problem '" + id + "' in " + where
          + " (known problems: " + listOrNone(registry.ids()) + ")");
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
    if (!isObject(node, at, where)) {
      return null;
    }
    checkFields(node, at, RubricFields.TOLERANCE, where);
    Double abs = number(node, at, "abs", where, Range.NON_NEGATIVE, false);
    Double rel = number(node, at, "rel", where, Range.NON_NEGATIVE, false);
    boolean broken = (node.has("abs") && abs == null) || (node.has("rel") && rel == null);
    // A part left out keeps its default: {rel: 1e-4} means {abs: 1e-9, rel: 1e-4}.
    return broken ? null : new Tolerance(abs == null ? Tolerance.DEFAULT.abs() : abs,
        rel == null ? Tolerance.DEFAULT.rel() : rel);
  }

  private List<MistakeCredit> mistakeCredits(JsonNode question, JsonPointer questionAt,
      String questionWhere, Problem<?, ?, ?> problem) {
    JsonPointer at = questionAt.appendProperty("mistake_credit");
    JsonNode node = question.get("mistake_credit");
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      error(at, "'mistake_credit' of " + questionWhere
          + " must be a list of {mistake, fraction}, got " + describe(node));
      return null;
    }
    List<MistakeCredit> credits = new ArrayList<>();
    Map<String, JsonPointer> seen = new HashMap<>();
    boolean complete = true;
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      JsonPointer itemAt = at.appendIndex(i);
      String where = "mistake_credit #" + (i + 1) + " of " + questionWhere;
      if (!isObject(item, itemAt, where)) {
        complete = false;
        continue;
      }
      checkFields(item, itemAt, RubricFields.MISTAKE_CREDIT, where);
      String mistake = text(item, itemAt, "mistake", where, true);
      Double fraction = number(item, itemAt, "fraction", where, Range.FRACTION, true);
      if (mistake != null && problem != null) {
        List<String> known = problem.knownMistakes().stream().map(KnownMistake::id).toList();
        if (!known.contains(mistake)) {
          error(itemAt.appendProperty("mistake"), "unknown mistake '" + mistake + "' in " + where
              + " (known mistakes of problem '" + problem.id() + "': " + listOrNone(known) + ")");
          mistake = null;
        } else if (!unique(seen, mistake, itemAt.appendProperty("mistake"), "mistake")) {
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

  // ---- tests ----

  private List<TestCase> tests(JsonNode question, JsonPointer questionAt, String questionWhere,
      String questionId, Problem<?, ?, ?> problem, Scoring scoring, Visibility visibility,
      Double points) {
    JsonPointer at = questionAt.appendProperty("tests");
    JsonNode node = required(question, questionAt, "tests", questionWhere);
    if (node == null) {
      return null;
    }
    if (!node.isArray() || node.isEmpty()) {
      error(at, "'tests' of " + questionWhere + " must be a non-empty list of tests, got "
          + describe(node));
      return null;
    }
    String id = questionId != null ? questionId : "?";
    Map<String, Integer> counters = new HashMap<>();
    List<Draft> drafts = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < node.size(); i++) {
      JsonNode entry = node.get(i);
      JsonPointer entryAt = at.appendIndex(i);
      String where = "test #" + (i + 1) + " of " + questionWhere;
      if (!isObject(entry, entryAt, where)) {
        complete = false;
        continue;
      }
      Visibility shown = choice(entry, entryAt, "visibility", where,
          List.of(Visibility.values()), Visibility::gradescopeName, visibility);
      List<Draft> read;
      if (entry.has("input") && entry.has("generate")) {
        keyError(entryAt.appendProperty("generate"), where
            + " has both 'input' and 'generate': an explicit test has 'input', generated tests"
            + " have 'generate'");
        read = null;
      } else if (entry.has("generate")) {
        read = generated(entry, entryAt, where, id, problem, shown, scoring, counters);
      } else if (entry.has("input")) {
        read = explicit(entry, entryAt, where, questionWhere, id, problem, shown, scoring,
            counters);
      } else {
        checkFields(entry, entryAt, union(RubricFields.EXPLICIT_TEST,
            RubricFields.GENERATED_TEST), where);
        error(entryAt, where + " needs 'input' (an explicit test) or 'generate' (seeded random"
            + " tests)");
        read = null;
      }
      if (read == null || shown == null) {
        complete = false;
      } else {
        drafts.addAll(read);
      }
    }
    if (!complete || points == null) {
      return null;
    }
    return settlePoints(drafts, questionAt, questionWhere, scoring, points);
  }

  private List<Draft> explicit(JsonNode entry, JsonPointer at, String entryWhere,
      String questionWhere, String questionId, Problem<?, ?, ?> problem, Visibility visibility,
      Scoring scoring, Map<String, Integer> counters) {
    String name = text(entry, at, "name", entryWhere, false);
    String where = name != null ? "test '" + name + "' of " + questionWhere : entryWhere;
    checkFields(entry, at, RubricFields.EXPLICIT_TEST, where);
    Double points = testPoints(entry, at, "points", where, scoring);
    Object input = problem == null ? null : input(entry.get("input"),
        at.appendProperty("input"), where, problem);
    if (name == null && entry.has("name")) {
      return null;
    }
    JsonPointer nameAt = name != null ? at.appendProperty("name") : at;
    if (name == null && visibility != null) {
      name = nextName(questionId + " " + visibility.gradescopeName(), counters);
    }
    boolean fresh = name == null || uniqueTestName(name, nameAt);
    if (input == null || !fresh || (entry.has("points") && points == null)) {
      return null;
    }
    return List.of(new Draft(name, input, visibility, points, at));
  }

  private List<Draft> generated(JsonNode entry, JsonPointer at, String where, String questionId,
      Problem<?, ?, ?> problem, Visibility visibility, Scoring scoring,
      Map<String, Integer> counters) {
    checkFields(entry, at, RubricFields.GENERATED_TEST, where);
    Double pointsEach = testPoints(entry, at, "points_each", where, scoring);
    JsonPointer genAt = at.appendProperty("generate");
    JsonNode gen = entry.get("generate");
    String genWhere = "'generate' of " + where;
    if (!isObject(gen, genAt, genWhere)) {
      return null;
    }
    checkFields(gen, genAt, RubricFields.GENERATE, genWhere);
    Long count = integer(gen, genAt, "count", genWhere, 1, MAX_GENERATED, true);
    Long seed = integer(gen, genAt, "seed", genWhere, Long.MIN_VALUE, Long.MAX_VALUE, true);
    Long first = integer(gen, genAt, "first", genWhere, 0, MAX_GENERATED, false);
    String prefix = text(gen, genAt, "name_prefix", genWhere, false);
    if (count == null || seed == null || problem == null || visibility == null
        || (gen.has("first") && first == null) || (gen.has("name_prefix") && prefix == null)
        || (entry.has("points_each") && pointsEach == null)) {
      return null;
    }
    if (prefix == null) {
      prefix = questionId + " " + visibility.gradescopeName();
    }
    JsonPointer nameAt = gen.has("name_prefix") ? genAt.appendProperty("name_prefix") : genAt;
    List<Draft> drafts = new ArrayList<>();
    int from = first == null ? 0 : first.intValue();
    for (int i = from; i < from + count; i++) {
      Object input;
      try {
        input = problem.generator().generate(InputGenerator.randomFor(seed, i), i);
      } catch (RuntimeException e) {
        error(genAt, "the generator of problem '" + problem.id() + "' failed on generated test #"
            + (i + 1) + " of " + where + ": " + e);
        return null;
      }
      String name = nextName(prefix, counters);
      if (!uniqueTestName(name, nameAt)) {
        return null;
      }
      drafts.add(new Draft(name, input, visibility, pointsEach, at));
    }
    return drafts;
  }

  private Double testPoints(JsonNode entry, JsonPointer at, String field, String where,
      Scoring scoring) {
    if (!entry.has(field)) {
      return null;
    }
    if (scoring != null && !scoring.pointsPerTest()) {
      keyError(at.appendProperty(field), "'" + field + "' of " + where
          + " is only allowed when the question's scoring is per_test or per_part, not "
          + scoring.rubricName());
      return null;
    }
    return number(entry, at, field, where, Range.NON_NEGATIVE, false);
  }

  private static String nextName(String prefix, Map<String, Integer> counters) {
    int n = counters.merge(prefix, 1, Integer::sum);
    return prefix + " #" + n;
  }

  /**
   * Gives each test its points: under per_test either every test names its points and they sum
   * to the question's, or none does and the question's points are split evenly; otherwise each
   * test weighs 1.
   */
  private List<TestCase> settlePoints(List<Draft> drafts, JsonPointer questionAt,
      String questionWhere, Scoring scoring, double points) {
    List<TestCase> tests = new ArrayList<>();
    if (scoring.pointsPerTest()) {
      long given = drafts.stream().filter(d -> d.points() != null).count();
      if (given == 0) {
        for (Draft d : drafts) {
          tests.add(new TestCase(d.name(), d.input(), d.visibility(), points / drafts.size()));
        }
        return tests;
      }
      if (given < drafts.size()) {
        Set<JsonPointer> reported = new LinkedHashSet<>();
        for (Draft d : drafts) {
          if (d.points() == null && reported.add(d.at())) {
            error(d.at(), "test '" + d.name() + "' of " + questionWhere + " has no points, but"
                + " other tests of the question do: give every test points (points_each for"
                + " generated tests), or none to split the question's points evenly");
          }
        }
        return null;
      }
      double sum = drafts.stream().mapToDouble(Draft::points).sum();
      if (!same(sum, points)) {
        error(questionAt.appendProperty("points"), "the tests of " + questionWhere
            + " are worth " + format(sum) + " points in all, but the question has "
            + format(points));
        return null;
      }
      for (Draft d : drafts) {
        tests.add(new TestCase(d.name(), d.input(), d.visibility(), d.points()));
      }
      return tests;
    }
    for (Draft d : drafts) {
      tests.add(new TestCase(d.name(), d.input(), d.visibility(), 1));
    }
    return tests;
  }

  /** The explicit input deserialised strictly into the problem's input record, or null. */
  private Object input(JsonNode node, JsonPointer at, String where, Problem<?, ?, ?> problem) {
    String type = problem.inputType().getSimpleName();
    if (node.isNull()) {
      error(at, "the input of " + where + " must be a " + type + ", got null");
      return null;
    }
    if (!finite(node, at, where)) {
      return null;
    }
    try {
      return Wire.MAPPER.treeToValue(node, problem.inputType());
    } catch (UnrecognizedPropertyException e) {
      JsonPointer inner = pointer(at, e.getPath());
      String known = e.getKnownPropertyIds() == null ? "" : " (expected one of: "
          + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
              .collect(Collectors.joining(", ")) + ")";
      keyError(inner, "unknown field '" + e.getPropertyName() + "' in the input of " + where
          + known);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      error(pointer(at, e.getPath()), "invalid input of " + where + ": "
          + (cause.getMessage() != null ? cause.getMessage() : cause.toString()));
    } catch (JsonMappingException e) {
      Matcher missing = MISSING_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
      if (missing.find()) {
        error(pointer(at, e.getPath()), "missing field '" + missing.group(1)
            + "' in the input of " + where + " (a " + type + ")");
      } else {
        error(pointer(at, e.getPath()), "the input of " + where + " does not fit " + type + ": "
            + plain(e.getOriginalMessage()));
      }
    } catch (JsonProcessingException e) {
      // A number out of range of its field (InputCoercionException) carries no path: find it.
      Matcher range = OUT_OF_RANGE.matcher(String.valueOf(e.getOriginalMessage()));
      JsonPointer inner = range.find() ? numberAt(node, at, range.group(1)) : null;
      error(inner != null ? inner : at, "the input of " + where + " does not fit " + type + ": "
          + plain(e.getOriginalMessage()));
    } catch (IllegalArgumentException e) {
      error(at, "the input of " + where + " does not fit " + type + ": "
          + plain(e.getMessage()));
    }
    return null;
  }

  /**
   * Whether {@code node} holds no NaN or infinity (numbers, or text Jackson would turn into one):
   * NaN compares equal to nothing, so a test with one could not be judged; each is an error.
   */
  private boolean finite(JsonNode node, JsonPointer at, String where) {
    boolean finite = true;
    if (node.isNumber() && !Double.isFinite(node.doubleValue())
        || node.isTextual() && NON_FINITE_TEXT.matcher(node.asText()).matches()) {
      error(at, "the input of " + where + " holds " + node.asText() + ": NaN and infinities are "
          + "not allowed in test inputs");
      return false;
    }
    if (node.isContainerNode()) {
      int i = 0;
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        finite &= finite(field.getValue(), at.appendProperty(field.getKey()), where);
      }
      if (node.isArray()) {
        for (JsonNode item : node) {
          finite &= finite(item, at.appendIndex(i++), where);
        }
      }
    }
    return finite;
  }

  /** Where in {@code node} the number written {@code text} stands, or null. */
  private static JsonPointer numberAt(JsonNode node, JsonPointer at, String text) {
    if (node.isNumber() && node.asText().equals(text)) {
      return at;
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonPointer found = numberAt(field.getValue(), at.appendProperty(field.getKey()), text);
      if (found != null) {
        return found;
      }
    }
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      JsonPointer found = numberAt(node.get(i), at.appendIndex(i), text);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** A Jackson message without Java: no qualified class names, no hints about Jackson's API. */
  static String plain(String message) {
    String text = String.valueOf(message).lines().findFirst().orElse("");
    Matcher range = OUT_OF_RANGE.matcher(text);
    if (range.find()) {
      return "the number " + range.group(1) + " is out of range of " + range.group(2);
    }
    text = JACKSON_HINT.matcher(text).replaceAll("");
    text = QUALIFIED.matcher(text).replaceAll("$1");
    return text.replace("`", "").strip();
  }

  private static JsonPointer pointer(JsonPointer base, List<JsonMappingException.Reference> path) {
    JsonPointer at = base;
    for (JsonMappingException.Reference step : path) {
      at = step.getFieldName() != null ? at.appendProperty(step.getFieldName())
          : step.getIndex() >= 0 ? at.appendIndex(step.getIndex()) : at;
    }
    return at;
  }

  // ---- field helpers ----

  private boolean isObject(JsonNode node, JsonPointer at, String what) {
    if (node.isObject()) {
      return true;
    }
    error(at, what + " must be an object, got " + describe(node));
    return false;
  }

  private void checkFields(JsonNode node, JsonPointer at, List<String> allowed, String where) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        keyError(at.appendProperty(name), "unknown field '" + name + "' in " + where
            + " (expected one of: " + String.join(", ", allowed) + ")");
      }
    }
  }

  private JsonNode required(JsonNode node, JsonPointer at, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null) {
      error(at, "missing field '" + field + "' in " + where);
    }
    return value;
  }

  private String text(JsonNode node, JsonPointer at, String field, String where,
      boolean mandatory) {
    JsonNode value = mandatory ? required(node, at, field, where) : node.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      error(at.appendProperty(field), "'" + field + "' of " + where
          + " must be a non-empty string, got " + describe(value));
      return null;
    }
    return value.asText();
  }

  private Double number(JsonNode node, JsonPointer at, String field, String where, Range range,
      boolean mandatory) {
    JsonNode value = mandatory ? required(node, at, field, where) : node.get(field);
    if (value == null) {
      return null;
    }
    double x = value.isNumber() ? value.doubleValue() : Double.NaN;
    if (!value.isNumber() || !Double.isFinite(x) || !range.accepts.test(x)) {
      error(at.appendProperty(field), "'" + field + "' of " + where + " must be "
          + range.expected + ", got " + describe(value));
      return null;
    }
    return x;
  }

  private Long integer(JsonNode node, JsonPointer at, String field, String where, long min,
      long max, boolean mandatory) {
    JsonNode value = mandatory ? required(node, at, field, where) : node.get(field);
    if (value == null) {
      return null;
    }
    boolean ok = value.isIntegralNumber() && value.canConvertToLong()
        && value.longValue() >= min && value.longValue() <= max;
    if (!ok) {
      String expected = min == Long.MIN_VALUE ? "an integer"
          : max == Integer.MAX_VALUE || max == Long.MAX_VALUE ? "an integer >= " + min
          : "an integer from " + min + " to " + max;
      error(at.appendProperty(field), "'" + field + "' of " + where + " must be " + expected
          + ", got " + describe(value));
      return null;
    }
    return value.longValue();
  }

  private <T> T choice(JsonNode node, JsonPointer at, String field, String where,
      List<T> options, Function<T, String> name, T absent) {
    JsonNode value = node.get(field);
    if (value == null) {
      return absent;
    }
    for (T option : options) {
      if (value.isTextual() && name.apply(option).equals(value.asText())) {
        return option;
      }
    }
    error(at.appendProperty(field), "'" + field + "' of " + where + " must be one of "
        + options.stream().map(name).collect(Collectors.joining(", ")) + ", got "
        + describe(value));
    return null;
  }

  /** Like {@link #unique} for test names, unless the current question's id is itself unusable. */
  private boolean uniqueTestName(String name, JsonPointer at) {
    return !namesChecked || unique(testNames, name, at, "test name");
  }

  /** Records {@code value} as used at {@code at}; false (and an error) if it was used before. */
  private boolean unique(Map<String, JsonPointer> seen, String value, JsonPointer at,
      String what) {
    JsonPointer first = seen.putIfAbsent(value, at);
    if (first == null) {
      return true;
    }
    JsonLocation firstAt = tree.valueAt(first);
    error(at, "duplicate " + what + " '" + value + "' (first used at line "
        + firstAt.getLineNr() + ")");
    return false;
  }

  // ---- errors and wording ----

  private void error(JsonPointer at, String message) {
    add(tree.valueAt(at), message);
  }

  private void warn(JsonPointer at, String message) {
    JsonLocation where = tree.valueAt(at);
    warnings.add(new RubricError(file, Math.max(1, where.getLineNr()),
        Math.max(1, where.getColumnNr()), "warning: " + message));
  }

  private void keyError(JsonPointer at, String message) {
    add(tree.keyAt(at), message);
  }

  private void add(JsonLocation at, String message) {
    Objects.requireNonNull(at, "location");
    errors.add(new RubricError(file, Math.max(1, at.getLineNr()), Math.max(1,
        at.getColumnNr()), message));
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static boolean same(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  private static String listOrNone(List<String> items) {
    return items.isEmpty() ? "none" : String.join(", ", items);
  }

  /** A number as an instructor would write it: {@code 4}, not {@code 4.0}. */
  static String format(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return Double.toString(x);
  }

  private static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "'" + value.asText() + "'";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isDouble() || value.isFloat()) {
      return format(value.doubleValue());
    }
    return value.asText();
  }
}
