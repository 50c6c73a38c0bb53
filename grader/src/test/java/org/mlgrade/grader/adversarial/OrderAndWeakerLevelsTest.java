package org.mlgrade.grader.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.Grader;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.grader.sandbox.Call;
import org.mlgrade.grader.sandbox.CallResult;
import org.mlgrade.grader.sandbox.CallStatus;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.IsolationProbe;
import org.mlgrade.grader.sandbox.ProcessSandbox;
import org.mlgrade.grader.sandbox.SandboxLimits;
import org.mlgrade.grader.sandbox.SandboxOptions;
import org.mlgrade.grader.sandbox.SandboxRun;
import org.mlgrade.grader.submission.CompiledSubmission;
import org.mlgrade.grader.submission.SubmissionCompiler;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.ProblemRegistry;

/**
 * Two properties the suite needs beyond one pass: results that do not depend on the order of the
 * calls (static state is not carried from one call to the next inside a child JVM), and what a
 * weaker isolation level still guarantees and says about itself.
 */
@Tag("e2e")
class OrderAndWeakerLevelsTest {

  /** Time limits no loaded machine reaches: the calls' outputs, not their speed, are compared. */
  private static final SandboxLimits ROOMY =
      new SandboxLimits(Duration.ofSeconds(30), Duration.ofSeconds(120), 96, 8192);

  @Test
  @Timeout(120)
  void staticStateDoesNotMakeResultsDependOnTheOrderOfTheCalls(@TempDir Path temp)
      throws Exception {
    Rubric rubric = new RubricLoader(ProblemRegistry.standard()).load(HostileSubmissions.rubric());
    GradingPlan plan = GradingPlan.of(rubric);
    try (HostileSubmissions subs =
            new HostileSubmissions(Files.createDirectories(temp.resolve("subs")), 1);
        ProcessSandbox sandbox = new ProcessSandbox(SandboxOptions.defaults())) {
      CompiledSubmission compiled;
      try (SubmissionCompiler compiler = new SubmissionCompiler(sandbox.apiClasspath())) {
        compiled = compiler.compile(subs.build("static-state"), temp.resolve("work"), Set.of());
      }
      List<Call> forward = plan.calls();
      List<Call> backward = new ArrayList<>(forward);
      Collections.reverse(backward);
      List<Call> interleaved =
          List.of(forward.get(2), forward.get(0), forward.get(3), forward.get(1));

      Map<String, String> first = outputs(sandbox.run(compiled.classesDir(), forward, ROOMY));
      Map<String, String> second = outputs(sandbox.run(compiled.classesDir(), backward, ROOMY));
      Map<String, String> third = outputs(sandbox.run(compiled.classesDir(), interleaved, ROOMY));

      assertThat(first).hasSize(4).doesNotContainValue(null);
      assertThat(second).isEqualTo(first);
      assertThat(third).isEqualTo(first);
      for (GradingPlan.PlannedTest test : plan.tests()) {
        assertThat(Wire.MAPPER.readValue(first.get(test.call().key()), test.expected().getClass()))
            .as(test.test().name())
            .isEqualTo(test.expected());
      }
    }
  }

  @Test
  @Timeout(120)
  void atTheUnprivilegedLevelTheRunSaysSoAndAPlantedRequestLinkIsNotFollowed(@TempDir Path temp)
      throws Exception {
    assumeTrue(
        IsolationProbe.works(IsolationLevel.UNPRIVILEGED_USER),
        "UNPRIVILEGED_USER does not work here (needs root, setpriv and prlimit)");
    Rubric rubric = new RubricLoader(ProblemRegistry.standard()).load(HostileSubmissions.rubric());
    try (HostileSubmissions subs =
            new HostileSubmissions(Files.createDirectories(temp.resolve("subs")), 1);
        Grader grader =
            Grader.open(
                rubric,
                SandboxOptions.defaults()
                    .withIsolation(IsolationLevel.UNPRIVILEGED_USER)
                    .withAllowWeakIsolation(true))) {
      Result planted = grader.grade(subs.build("plant-request-link"));
      Result control = grader.grade(subs.build("control"));
      Result secrets = grader.grade(subs.build("read-secrets-by-path"));

      assertThat(planted.isolation().name()).isEqualTo(IsolationLevel.UNPRIVILEGED_USER.name());
      assertThat(planted.score()).isEqualTo(3.0);
      assertThat(subs.victimIntact()).as("the file the planted link points to").isTrue();
      assertThat(subs.writtenOutside()).isEmpty();
      assertThat(control.score()).isEqualTo(4.0);
      // Documented, not prevented, at this level: world-readable host files are readable.
      assertThat(secrets.isolation().name()).isEqualTo(IsolationLevel.UNPRIVILEGED_USER.name());
      String seen =
          secrets.questions().get(0).tests().stream()
              .map(TestResult::stdout)
              .reduce("", String::concat);
      System.out.println("At UNPRIVILEGED_USER, read-secrets-by-path saw:\n" + seen);
      assertThat(seen).contains("denied /etc/shadow");
    }
  }

  /** Every value of each call: status and returned JSON, by call key. */
  private static Map<String, String> outputs(SandboxRun run) {
    Map<String, String> outputs = new TreeMap<>();
    for (CallResult result : run.results()) {
      outputs.put(
          result.key(),
          result.status() == CallStatus.RETURNED
              ? result.outputJson()
              : result.status() + ": " + result.message());
    }
    return outputs;
  }
}
