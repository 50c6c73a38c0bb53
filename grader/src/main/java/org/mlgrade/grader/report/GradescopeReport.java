package org.mlgrade.grader.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mlgrade.grader.judge.QuestionResult;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.rubric.Visibility;

/**
 * Writes a {@link Result} as Gradescope's {@code results.json} (the autograder specification's
 * output format): top-level {@code score}, {@code execution_time}, {@code output}, {@code
 * visibility}, {@code stdout_visibility}, {@code extra_data} and {@code tests[]} with {@code name},
 * {@code number}, {@code score}, {@code max_score}, {@code status}, {@code output}, {@code
 * visibility} and {@code tags}.
 *
 * <p>{@code extra_data.questions} holds the per-question scores, which Gradescope does not show
 * but a gradebook needs. With one entry per test, each test keeps the rubric's visibility. With one entry per
 * question, the entry is visible and shows the details of the question's visible tests only;
 * hidden tests are summarised as a count.
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
    extra.put("isolation_notes", result.isolationNotes());
    extra.put("excluded_sources", result.compiled().excluded());
    extra.put("questions", questions.stream().map(q -> new QuestionScore(q.id(), q.title(),
        q.score(), q.maxScore(), q.passedCount(), q.tests().size())).toList());
    return new Results(result.score(), Math.round(result.elapsed().toMillis() / 1000.0),
        Feedback.overview(result), "text", Visibility.VISIBLE.gradescopeName(),
        Visibility.HIDDEN.gradescopeName(), extra, entries);
  }

  /**
   * Writes {@code results.json} into {@code directory} (created private if needed; see {@link
   * OutputFolder}), atomically.
   */
  public static Path write(Result result, Path directory) throws IOException {
    Path file = OutputFolder.prepare(directory).resolve("results.json");
    OutputFolder.writeAtomically(file, JSON.writeValueAsBytes(of(result)));
    return file;
  }

  private static Entry testEntry(QuestionResult question, TestResult test, String number) {
    List<String> tags = new ArrayList<>(List.of(question.id(), test.outcome().name()));
    test.mistake().ifPresent(m -> tags.add("mistake:" + m.id()));
    return new Entry(question.title() + " — " + test.name(), number, test.score(),
        test.maxScore(), test.passed() ? "passed" : "failed", Feedback.test(test),
        test.visibility().gradescopeName(), tags);
  }

  private static Entry questionEntry(QuestionResult question, String number) {
    StringBuilder output = new StringBuilder();
    output.append(question.passedCount()).append(" of ").append(question.tests().size())
        .append(" tests passed.");
    long hidden = question.tests().stream()
        .filter(t -> t.visibility() != Visibility.VISIBLE).count();
    long hiddenPassed = question.tests().stream()
        .filter(t -> t.visibility() != Visibility.VISIBLE && t.passed()).count();
    for (TestResult test : question.tests()) {
      if (test.visibility() == Visibility.VISIBLE && !test.passed()) {
        output.append("\n\n").append(test.name()).append(": ").append(Feedback.test(test));
      }
    }
    if (hidden > 0) {
      output.append("\n\nHidden tests: ").append(hiddenPassed).append(" of ").append(hidden)
          .append(" passed.");
    }
    boolean passed = question.passedCount() == question.tests().size();
    return new Entry(question.title(), number, question.score(), question.maxScore(),
        passed ? "passed" : "failed", output.toString(), Visibility.VISIBLE.gradescopeName(),
        List.of(question.id()));
  }
}
