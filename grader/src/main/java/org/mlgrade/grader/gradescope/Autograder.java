package org.mlgrade.grader.gradescope;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.mlgrade.grader.Grader;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.ResultVisibility;
import org.mlgrade.grader.judge.RubricOutline;
import org.mlgrade.grader.report.GradescopeReport;
import org.mlgrade.grader.report.GradescopeReport.Results;
import org.mlgrade.grader.report.OutputFolder;
import org.mlgrade.grader.report.TerminalReport;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricError;
import org.mlgrade.grader.rubric.RubricException;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.grader.sandbox.ChildAccess;
import org.mlgrade.grader.sandbox.IsolationRefusedException;
import org.mlgrade.grader.sandbox.SandboxOptions;
import org.mlgrade.reference.ProblemRegistry;

/**
 * One run of the autograder inside Gradescope's container, laid out as Gradescope lays out {@code
 * /autograder}: the rubric in {@code source/} (as {@code rubric.yaml}, {@code rubric.yml} or {@code
 * rubric.json}, the name {@code mlgrade package-gradescope} gives it), the student's files in
 * {@code submission/}, Gradescope's {@code submission_metadata.json} beside them, and the results
 * written to {@code results/results.json}.
 *
 * <p>It always writes a valid results.json when the results folder can be written (checked first,
 * before grading). A student's failure (no sources, only a README, code that does not compile,
 * throws or loops) is graded as usual; a missing or invalid rubric, a Java runtime without a
 * compiler, an isolation level that cannot keep the hidden tests from student code ({@link
 * IsolationRefusedException}, whose message for the operator goes into {@code
 * extra_data.autograder_error.detail}), or a failure of the grader itself, gives every rubric test
 * it can list 0 points with the reason, and marks the autograder as at fault in {@code output} and
 * {@code extra_data.autograder_error}. Should the grader's process die (a submission at {@code
 * PROCESS_ONLY} can kill it), {@code run_autograder} writes the results.json.
 */
public final class Autograder {

  /** The names a packaged rubric may have in {@code source/}, in the order they are looked for. */
  public static final List<String> RUBRIC_NAMES =
      List.of("rubric.yaml", "rubric.yml", "rubric.json");

  private Autograder() {}

  /**
   * Grades {@code root/submission} and writes {@code root/results/results.json}.
   *
   * @param root the autograder directory ({@code /autograder} on Gradescope)
   * @param options the sandbox to grade in
   * @param log where the grading table goes (Gradescope's captured stdout)
   * @return the results file
   * @throws IOException when the results folder cannot be written (checked before grading), or not
   *     even a minimal results file could be written
   */
  public static Path run(Path root, SandboxOptions options, PrintWriter log) throws IOException {
    Path resultsDir = root.resolve("results");
    try {
      // Before grading, not after: a folder that cannot take results.json fails at once.
      OutputFolder.prepare(resultsDir);
    } catch (IOException e) {
      throw new IOException(
          "cannot write results.json into " + resultsDir + ": " + e.getMessage(), e);
    }
    Map<String, Object> extra = new TreeMap<>();
    Results results;
    try {
      extra.put(
          "submission_metadata", SubmissionMetadata.read(root.resolve("submission_metadata.json")));
      results =
          grade(
              root,
              options.withSecrets(
                  List.of(
                      new ChildAccess.Secret(root.resolve("submission"), "the submission"),
                      new ChildAccess.Secret(resultsDir, "the results folder"))),
              log,
              extra);
    } catch (Throwable e) { // the one place that must survive anything, to write results.json
      results = GradescopeReport.rubricUnusable("the grader failed: " + e, stackTrace(e), extra);
    }
    log.flush();
    try {
      return GradescopeReport.write(results, resultsDir);
    } catch (IOException | RuntimeException e) {
      Files.createDirectories(resultsDir);
      Path file = resultsDir.resolve("results.json");
      Files.writeString(file, minimal(e), StandardCharsets.UTF_8);
      return file;
    }
  }

  private static Results grade(
      Path root, SandboxOptions options, PrintWriter log, Map<String, Object> extra) {
    Path source = root.resolve("source");
    Path file =
        RUBRIC_NAMES.stream()
            .map(source::resolve)
            .filter(Files::isRegularFile)
            .findFirst()
            .orElse(null);
    if (file == null) {
      return GradescopeReport.rubricUnusable(
          "no rubric in "
              + source
              + " (expected one of "
              + String.join(", ", RUBRIC_NAMES)
              + "; mlgrade package-gradescope puts it there)",
          "",
          extra);
    }
    // The compiler JVM and the sandbox start while the rubric is read (on a JDK: a JRE is said
    // below, once the rubric's questions are known).
    Grader.Start start = null;
    Throwable startFailure = null;
    if (ToolProvider.getSystemJavaCompiler() != null) {
      try {
        start =
            Grader.start(options.withSecrets(List.of(new ChildAccess.Secret(file, "the rubric"))));
      } catch (Throwable e) { // said below, with the rubric's questions
        startFailure = e;
      }
    }
    try (Grader.Start started = start) {
      Rubric rubric;
      try {
        rubric = new RubricLoader(ProblemRegistry.standard()).load(file);
      } catch (RubricException e) {
        String errors =
            e.errors().stream().map(RubricError::toString).collect(Collectors.joining("\n"));
        log.println(errors);
        return GradescopeReport.rubricUnusable(
            "the rubric " + file.getFileName() + " is invalid (run mlgrade validate on it)",
            errors,
            extra);
      }
      extra.put("rubric", file.getFileName().toString());
      if (started == null && startFailure == null) {
        String jre =
            "the autograder's Java runtime ("
                + System.getProperty("java.home")
                + ") has no Java compiler: it is a JRE, and setup.sh must install a JDK 17 or newer";
        log.println("mlgrade gradescope: " + jre);
        return GradescopeReport.notGraded(RubricOutline.of(rubric), jre, "", extra);
      }
      if (startFailure != null) { // a failure of the grader, not of the student: said so
        startFailure.printStackTrace(log);
        return GradescopeReport.notGraded(
            RubricOutline.of(rubric),
            "the grader failed: " + startFailure,
            stackTrace(startFailure),
            extra);
      }
      return graded(started.open(rubric), rubric, root, log, extra);
    }
  }

  private static Results graded(
      Grader grader, Rubric rubric, Path root, PrintWriter log, Map<String, Object> extra) {
    try (grader) {
      Result result = grader.grade(root.resolve("submission"));
      TerminalReport.print(result, log, result.stdoutVisibility() == ResultVisibility.HIDDEN);
      return GradescopeReport.of(result, extra);
    } catch (IllegalArgumentException e) { // from the plan: the reference cannot answer a test
      log.println("the reference cannot answer the rubric: " + e.getMessage());
      return GradescopeReport.notGraded(
          RubricOutline.of(rubric),
          "the rubric asks something the reference cannot answer: " + e.getMessage(),
          stackTrace(e),
          extra);
    } catch (IsolationRefusedException e) {
      // The operator's to fix (the message names the chmod); the student is told it is not them.
      log.println("mlgrade gradescope: " + e.getMessage());
      return GradescopeReport.notGraded(
          RubricOutline.of(rubric),
          "the autograder's sandbox cannot keep the hidden "
              + "tests from student code on this machine, so it did not run your code",
          e.getMessage(),
          extra);
    } catch (Throwable e) { // as above
      e.printStackTrace(log);
      return GradescopeReport.notGraded(
          RubricOutline.of(rubric), "the grader failed: " + e, stackTrace(e), extra);
    }
  }

  private static String stackTrace(Throwable e) {
    StringWriter text = new StringWriter();
    e.printStackTrace(new PrintWriter(text));
    return text.toString();
  }

  /** A results file written without Jackson, for when even writing the full one failed. */
  private static String minimal(Exception e) {
    String why =
        String.valueOf(e)
            .replace("\\", "\\\\")
            .replace("\"", "\\\"")
            .replaceAll("[\\x00-\\x1f]", " ");
    return "{\"score\": 0, \"output\": \"The autograder could not write its results. This is a "
        + "fault of the autograder, not of your submission. Please tell your instructor.\", "
        + "\"extra_data\": {\"autograder_error\": {\"reason\": \"cannot write results.json\", "
        + "\"detail\": \""
        + why
        + "\"}}, \"tests\": []}\n";
  }
}
