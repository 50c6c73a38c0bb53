package org.mlgrade.grader.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.Grader;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.grader.sandbox.SandboxOptions;
import org.mlgrade.reference.ProblemRegistry;

/**
 * The rules always checked ({@code no-class-loading}, {@code no-proc}) flag the
 * reference-from-parent attack, and a rubric with {@code on_static_finding: void} does not run
 * a submission with a finding: every test is "not run", 0 points; a clean one is graded.
 */
@Tag("e2e")
class StaticFindingVoidsTest {

  @Test
  @Timeout(120)
  void aRubricCanVoidASubmissionWithAFinding(@TempDir Path temp) throws Exception {
    Path rubricFile = temp.resolve("rubric.yaml");
    Files.writeString(rubricFile, "on_static_finding: void\n"
        + Files.readString(HostileSubmissions.rubric()));
    Rubric rubric = new RubricLoader(ProblemRegistry.standard()).load(rubricFile);
    try (HostileSubmissions subs = new HostileSubmissions(
        Files.createDirectories(temp.resolve("subs")), 1);
        Grader grader = Grader.open(rubric, SandboxOptions.defaults())) {
      Result attack = grader.grade(subs.build("reference-from-parent"));
      Result control = grader.grade(subs.build("control"));

      assertThat(attack.compiled().findings()).extracting(f -> f.rule())
          .contains("no-class-loading", "no-proc");
      assertThat(attack.score()).isZero();
      assertThat(attack.questions()).flatExtracting(q -> q.tests()).extracting(
          TestResult::outcome).containsOnly(Outcome.NOT_RUN);
      assertThat(attack.questions().get(0).tests().get(0).message())
          .contains("static-check finding", "adv/Solution.java");
      assertThat(control.compiled().findings()).isEmpty();
      assertThat(control.score()).isEqualTo(4.0);
    }
  }
}
