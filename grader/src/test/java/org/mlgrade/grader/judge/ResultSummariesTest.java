package org.mlgrade.grader.judge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlgrade.grader.judge.CompileSummary.Finding;
import org.mlgrade.grader.judge.CompileSummary.Message;
import org.mlgrade.grader.rubric.Visibility;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.IsolationNotes;
import org.mlgrade.grader.submission.CompileMessage;
import org.mlgrade.grader.submission.CompiledSubmission;
import org.mlgrade.grader.submission.StaticFinding;

/** The judge's summaries of the earlier stages' values, which are all a reporter reads. */
class ResultSummariesTest {

  @Test
  void aCompileSummaryKeepsWhatReportersShowAndNotTheClassesDirectory() {
    CompiledSubmission compiled =
        new CompiledSubmission(
            Path.of("classes"),
            List.of("A.java", "Broken.java"),
            List.of("Broken.java"),
            List.of(
                new CompileMessage("Broken.java", 17, 5, true, "';' expected"),
                new CompileMessage("A.java", 0, 0, false, "unchecked call")),
            List.of(
                new StaticFinding("no-network", "A.java", 42, "java.net.Socket is not allowed")),
            List.of("a symlink was skipped"));

    CompileSummary summary = CompileSummary.of(compiled);

    assertThat(summary.sources()).containsExactly("A.java", "Broken.java");
    assertThat(summary.excluded()).containsExactly("Broken.java");
    assertThat(summary.messages())
        .containsExactly(
            new Message("Broken.java", 17, true, "';' expected"),
            new Message("A.java", 0, false, "unchecked call"));
    assertThat(summary.findings())
        .containsExactly(new Finding("no-network", "A.java", 42, "java.net.Socket is not allowed"));
    assertThat(summary.problems()).containsExactly("a symlink was skipped");
    // as javac prints them; a message about no line has none
    assertThat(summary.messages())
        .extracting(Message::toString)
        .containsExactly("Broken.java:17: error: ';' expected", "A.java: warning: unchecked call");
  }

  @Test
  void anIsolationSummaryNamesTheLevelDescribesItAndCarriesTheNotes() {
    IsolationNotes notes =
        new IsolationNotes(
            true,
            List.of("the rubric is readable"),
            Map.of("read rubric", "SUCCEEDED"),
            "a cgroup per child");

    IsolationSummary summary = IsolationSummary.of(IsolationLevel.UNPRIVILEGED_USER, notes);

    assertThat(summary.name()).isEqualTo("UNPRIVILEGED_USER");
    assertThat(summary.description()).contains("unprivileged user");
    assertThat(summary.weakIsolationAllowed()).isTrue();
    assertThat(summary.weaknesses()).containsExactly("the rubric is readable");
    assertThat(summary.canary()).containsExactly(Map.entry("read rubric", "SUCCEEDED"));
    assertThat(summary.memoryLimit()).isEqualTo("a cgroup per child");
    for (IsolationLevel level : IsolationLevel.values()) {
      IsolationSummary plain = IsolationSummary.of(level);
      assertThat(plain.name()).isEqualTo(level.name());
      assertThat(plain.description()).isNotBlank();
      assertThat(plain.weakIsolationAllowed()).isFalse();
      assertThat(plain.weaknesses()).isEmpty();
      assertThat(plain.canary()).isEmpty();
    }
  }

  @Test
  void everyRubricVisibilityBecomesTheResultVisibilityOfTheSameName() {
    assertThat(ResultVisibility.values()).hasSameSizeAs(Visibility.values());
    for (Visibility visibility : Visibility.values()) {
      assertThat(ResultVisibility.of(visibility).name()).isEqualTo(visibility.name());
    }
  }
}
