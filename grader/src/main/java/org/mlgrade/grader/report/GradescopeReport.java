package org.mlgrade.grader.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mlgrade.grader.judge.IsolationSummary;
import org.mlgrade.grader.judge.QuestionResult;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.ResultVisibility;
import org.mlgrade.grader.judge.RubricOutline;
import org.mlgrade.grader.judge.RubricOutline.QuestionOutline;
import org.mlgrade.grader.judge.RubricOutline.TestOutline;
import org.mlgrade.grader.judge.TestResult;

/**
 * Writes a {@link Result} as Gradescope's {@code results.json} (the autograder specification's
 * output format): top-level {@code score}, {@code execution_time}, {@code output}, {@code
 * visibility}, {@code stdout_visibility}, {@code extra_data} and {@code tests[]} with {@code name},
 * {@code number}, {@code score}, {@code max_score}, {@code status}, {@code output}, {@code
 * visibility} and {@code tags}.
 *
 * <p>{@code extra_data.questions} holds the per-question scores, which Gradescope does not show but
 * a gradebook needs. Visibilities are the rubric's, exactly: the top-level {@code visibility} and
 * {@code stdout_visibility}, and each test's (one entry per test) or each question's (one entry per
 * question, which details the question's visible tests only and summarises the others as a count).
 *
 * <p>When a submission could not be graded at all (an invalid rubric, a failure of the grader
 * itself), {@link #notGraded} and {@link #rubricUnusable} still make a valid file that lists what
 * it can, each entry at 0 with the reason, and says in {@code output} and {@code
 * extra_data.autograder_error} that the autograder is at fault, not the student.
 */
public final class GradescopeReport {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private GradescopeReport() {}

  /** The results file in Gradescope's format. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Results(
      double score,
      @JsonProperty("execution_time") long executionTime,
      String output,
      @JsonProperty("output_format") String outputFormat,
      String visibility,
      @JsonProperty("stdout_visibility") String stdoutVisibility,
      @JsonProperty("extra_data") Map<String, Object> extraData,
      List<Entry> tests) {}

  /** One entry of {@code tests[]}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(
      String name,
      String number,
      double score,
      @JsonProperty("max_score") double maxScore,
      String status,
      String output,
      String visibility,
      List<String> tags) {}

  /** One question's score in {@code extra_data.questions}. */
  public record QuestionScore(
      String id,
      String title,
      double score,
      @JsonProperty("max_score") double maxScore,
      @JsonProperty("tests_passed") long testsPassed,
      int tests) {}

  /** Builds the results of {@code result}, with {@code extra} added to its {@code extra_data}. */
  public static Results of(Result result, Map<String, Object> extra) {
    Results results = of(result);
    Map<String, Object> data = new TreeMap<>(results.extraData());
    data.putAll(extra);
    return new Results(
        results.score(),
        results.executionTime(),
        results.output(),
        results.outputFormat(),
        results.visibility(),
        results.stdoutVisibility(),
        data,
        results.tests());
  }

  /** Builds the results of {@code result}. */
  public static Results of(Result result) {
    List<Entry> entries = new ArrayList<>();
    List<QuestionResult> questions = result.questions();
    for (int q = 0; q < questions.size(); q++) {
      QuestionResult question = questions.get(q);
      if (result.resultsPerTest()) {
        for (int t = 0; t < question.tests().size(); t++) {
          entries.add(testEntry(question, question.tests().get(t), (q + 1) + "." + (t + 1)));
        }
      } else {
        entries.add(questionEntry(question, String.valueOf(q + 1)));
      }
    }
    Map<String, Object> extra = new TreeMap<>();
    extra.put("assignment", result.assignment());
    extra.put("submission", result.submission());
    extra.put("isolation", result.isolation().name());
    extra.put("sandbox_restarts", result.restarts());
    extra.put("isolation_notes", isolationNotes(result.isolation()));
    extra.put("excluded_sources", result.compiled().excluded());
    extra.put(
        "questions",
        questions.stream()
            .map(
                q ->
                    new QuestionScore(
                        q.id(),
                        q.title(),
                        q.score(),
                        q.maxScore(),
                        q.passedCount(),
                        q.tests().size()))
            .toList());
    return new Results(
        result.score(),
        Math.round(result.elapsed().toMillis() / 1000.0),
        Feedback.overview(result),
        "text",
        gradescopeName(result.visibility()),
        gradescopeName(result.stdoutVisibility()),
        extra,
        entries);
  }

  /** Gradescope's name of a visibility: {@code AFTER_DUE_DATE} is {@code after_due_date}. */
  static String gradescopeName(ResultVisibility visibility) {
    return visibility.name().toLowerCase(Locale.ROOT);
  }

  /** {@code extra_data.isolation_notes}, under the names results.json has always used. */
  private static Map<String, Object> isolationNotes(IsolationSummary isolation) {
    Map<String, Object> notes = new LinkedHashMap<>();
    notes.put("weak_isolation_allowed", isolation.weakIsolationAllowed());
    notes.put("weaknesses", isolation.weaknesses());
    notes.put("canary", isolation.canary());
    if (!isolation.memoryLimit().isEmpty()) {
      notes.put("memory_limit", isolation.memoryLimit());
    }
    return notes;
  }

  /**
   * The results of a submission that {@code rubric} could not grade because the autograder failed:
   * every test (or question) of the rubric at 0, with {@code reason}.
   *
   * @param rubric the rubric that was to grade the submission ({@link RubricOutline#of})
   * @param reason what went wrong, for the student and the instructor
   * @param error the technical detail (an exception), for the instructor
   * @param extra more {@code extra_data} (submission metadata, say)
   */
  public static Results notGraded(
      RubricOutline rubric, String reason, String error, Map<String, Object> extra) {
    String output = autograderFault(reason);
    List<Entry> entries = new ArrayList<>();
    List<QuestionOutline> questions = rubric.questions();
    List<QuestionScore> scores = new ArrayList<>();
    for (int q = 0; q < questions.size(); q++) {
      QuestionOutline question = questions.get(q);
      scores.add(
          new QuestionScore(
              question.id(), question.title(), 0, question.maxScore(), 0, question.tests().size()));
      if (!rubric.resultsPerTest()) {
        entries.add(
            new Entry(
                question.title(),
                String.valueOf(q + 1),
                0,
                question.maxScore(),
                "failed",
                output,
                gradescopeName(question.visibility()),
                List.of(question.id())));
        continue;
      }
      for (int t = 0; t < question.tests().size(); t++) {
        TestOutline test = question.tests().get(t);
        entries.add(
            new Entry(
                question.title() + " — " + test.name(),
                (q + 1) + "." + (t + 1),
                0,
                test.maxScore(),
                "failed",
                output,
                gradescopeName(test.visibility()),
                List.of(question.id(), "NOT_GRADED")));
      }
    }
    Map<String, Object> data = faultData(reason, error, extra);
    data.put("assignment", rubric.assignment());
    data.put("questions", scores);
    return new Results(
        0,
        0,
        output,
        "text",
        gradescopeName(rubric.visibility()),
        gradescopeName(rubric.stdoutVisibility()),
        data,
        entries);
  }

  /**
   * The results when there is no usable rubric to list tests from: one entry at 0 that says so, and
   * the autograder at fault.
   */
  public static Results rubricUnusable(String reason, String error, Map<String, Object> extra) {
    String output = autograderFault(reason);
    Entry entry =
        new Entry(
            "Autograder configuration",
            "1",
            0,
            0,
            "failed",
            output,
            gradescopeName(ResultVisibility.VISIBLE),
            List.of("NOT_GRADED"));
    return new Results(
        0,
        0,
        output,
        "text",
        gradescopeName(ResultVisibility.VISIBLE),
        gradescopeName(ResultVisibility.HIDDEN),
        faultData(reason, error, extra),
        List.of(entry));
  }

  private static String autograderFault(String reason) {
    return "The autograder could not grade this submission: "
        + reason
        + "\n\nThis is a fault "
        + "of the autograder, not of your submission. Please tell your instructor; your "
        + "submission is kept and can be regraded.";
  }

  private static Map<String, Object> faultData(
      String reason, String error, Map<String, Object> extra) {
    Map<String, Object> data = new TreeMap<>(extra);
    Map<String, Object> fault = new TreeMap<>();
    fault.put("reason", reason);
    fault.put("detail", error);
    data.put("autograder_error", fault);
    return data;
  }

  /**
   * Writes {@code results.json} into {@code directory} (created if needed), atomically: a reader
   * sees the old file or the whole new one, never a part.
   */
  public static Path write(Result result, Path directory) throws IOException {
    return write(of(result), directory);
  }

  /**
   * Writes {@code results} as {@code results.json} into {@code directory} (created private if
   * needed; see {@link OutputFolder}), atomically: a reader sees the old file or the whole new one,
   * never a part.
   */
  public static Path write(Results results, Path directory) throws IOException {
    Path file = OutputFolder.prepare(directory).resolve("results.json");
    OutputFolder.writeAtomically(file, JSON.writeValueAsBytes(results));
    return file;
  }

  private static Entry testEntry(QuestionResult question, TestResult test, String number) {
    List<String> tags = new ArrayList<>(List.of(question.id(), test.outcome().name()));
    test.mistake().ifPresent(m -> tags.add("mistake:" + m.id()));
    if (test.matchingMistakes().size() > 1) {
      test.matchingMistakes().forEach(m -> tags.add("possible-mistake:" + m.id()));
    }
    test.nonFinite().ifPresent(nan -> tags.add("non-finite"));
    return new Entry(
        question.title() + " — " + test.name(),
        number,
        test.score(),
        test.maxScore(),
        test.passed() ? "passed" : "failed",
        Feedback.test(test),
        gradescopeName(test.visibility()),
        tags);
  }

  private static Entry questionEntry(QuestionResult question, String number) {
    StringBuilder output = new StringBuilder();
    output
        .append(question.passedCount())
        .append(" of ")
        .append(question.tests().size())
        .append(" tests passed.");
    long hidden =
        question.tests().stream().filter(t -> t.visibility() != ResultVisibility.VISIBLE).count();
    long hiddenPassed =
        question.tests().stream()
            .filter(t -> t.visibility() != ResultVisibility.VISIBLE && t.passed())
            .count();
    for (TestResult test : question.tests()) {
      if (test.visibility() == ResultVisibility.VISIBLE && !test.passed()) {
        output.append("\n\n").append(test.name()).append(": ").append(Feedback.test(test));
      }
    }
    if (hidden > 0) {
      output
          .append("\n\nHidden tests: ")
          .append(hiddenPassed)
          .append(" of ")
          .append(hidden)
          .append(" passed.");
    }
    boolean passed = question.passedCount() == question.tests().size();
    return new Entry(
        question.title(),
        number,
        question.score(),
        question.maxScore(),
        passed ? "passed" : "failed",
        output.toString(),
        gradescopeName(question.visibility()),
        List.of(question.id()));
  }
}
