package org.mlgrade.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages' dependencies, checked on the sources: the submission and sandbox stages work on Java
 * sources, classes and calls alone, so they name nothing of the reference, the rubric or the judge;
 * the reporters read the judge's {@code Result} alone, so they name nothing of the rubric, the
 * submission or the sandbox (in an import, a static import or a qualified name in code; comments
 * may mention them).
 */
class ArchitectureTest {

  /** The main sources, relative to the grader module (Maven runs tests from there). */
  private static final Path MAIN = Path.of("src", "main", "java", "org", "mlgrade", "grader");

  private static final Pattern FORBIDDEN =
      Pattern.compile("\\borg\\.mlgrade\\.(reference|grader\\.rubric|grader\\.judge)\\b");

  /**
   * What reporters must not name. Of the reference they may name the comparison's two value types
   * that the judge's findings are stated in ({@code Mismatch}, {@code PartStatus}), nothing else
   * (no problem, no reference code).
   */
  private static final Pattern FORBIDDEN_IN_REPORT =
      Pattern.compile(
          "\\borg\\.mlgrade\\.(grader\\.(rubric|submission|sandbox)\\b"
              + "|reference\\.(?!(Mismatch|PartStatus)\\b))");

  @Test
  void sandboxAndSubmissionDoNotReachIntoReferenceRubricOrJudge() throws IOException {
    List<String> offences = new ArrayList<>();
    int files = 0;
    for (String stage : List.of("sandbox", "submission")) {
      for (Path file : javaFiles(MAIN.resolve(stage))) {
        files++;
        offences.addAll(offences(file, FORBIDDEN));
      }
    }

    assertThat(files).as("source files scanned under " + MAIN.toAbsolutePath()).isGreaterThan(10);
    assertThat(offences)
        .as("sandbox and submission must not use the reference, rubric or judge")
        .isEmpty();
  }

  @Test
  void reportReadsTheJudgesResultAloneNotTheRubricSubmissionOrSandbox() throws IOException {
    List<String> offences = new ArrayList<>();
    List<Path> files = javaFiles(MAIN.resolve("report"));
    for (Path file : files) {
      offences.addAll(offences(file, FORBIDDEN_IN_REPORT));
    }

    assertThat(files)
        .as("source files scanned under " + MAIN.toAbsolutePath())
        .hasSizeGreaterThan(5);
    assertThat(offences)
        .as("report must not use the rubric, submission, sandbox or reference code")
        .isEmpty();
  }

  @Test
  void theReportCheckAllowsTheComparisonsValueTypesOnly(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("Bad.java");
    Files.writeString(
        file,
        """
        package org.mlgrade.grader.report;

        import org.mlgrade.grader.judge.Result;
        import org.mlgrade.grader.rubric.Visibility;
        import org.mlgrade.grader.sandbox.IsolationLevel;
        import org.mlgrade.grader.submission.CompiledSubmission;
        import org.mlgrade.reference.Mismatch;
        import org.mlgrade.reference.PartStatus;
        import org.mlgrade.reference.Problem;
        import org.mlgrade.reference.MismatchFinder;
        """);

    assertThat(offences(file, FORBIDDEN_IN_REPORT))
        .containsExactly(
            file + ":4: import org.mlgrade.grader.rubric.Visibility;",
            file + ":5: import org.mlgrade.grader.sandbox.IsolationLevel;",
            file + ":6: import org.mlgrade.grader.submission.CompiledSubmission;",
            file + ":9: import org.mlgrade.reference.Problem;",
            file + ":10: import org.mlgrade.reference.MismatchFinder;");
  }

  @Test
  void theCheckFindsAnImportAndAQualifiedNameButNotAComment(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("Bad.java");
    Files.writeString(
        file,
        """
        package org.mlgrade.grader.sandbox;

        import org.mlgrade.grader.rubric.Limits;

        /** Unlike {@link org.mlgrade.reference.Problem}, this is a comment. */
        class Bad {
          // org.mlgrade.grader.judge.Judge is mentioned here only.
          Object o = org.mlgrade.grader.judge.Result.class;
        }
        """);

    assertThat(offences(file, FORBIDDEN))
        .containsExactly(
            file + ":3: import org.mlgrade.grader.rubric.Limits;",
            file + ":8: Object o = org.mlgrade.grader.judge.Result.class;");
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** Every code line of {@code file} that {@code forbidden} finds, as {@code file:line: text}. */
  private static List<String> offences(Path file, Pattern forbidden) throws IOException {
    List<String> offences = new ArrayList<>();
    List<String> lines = Files.readAllLines(file);
    boolean inComment = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String code = line;
      if (inComment) {
        int end = line.indexOf("*/");
        inComment = end < 0;
        code = end < 0 ? "" : line.substring(end + 2);
      }
      int start = code.indexOf("/*");
      if (start >= 0) {
        int end = code.indexOf("*/", start + 2);
        inComment = end < 0;
        code = code.substring(0, start) + (end < 0 ? "" : code.substring(end + 2));
      }
      int slashes = code.indexOf("//");
      if (slashes >= 0) {
        code = code.substring(0, slashes);
      }
      if (forbidden.matcher(code).find()) {
        offences.add(file + ":" + (i + 1) + ": " + line);
      }
    }
    return offences;
  }
}
