package org.mlgrade.grader.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlgrade.grader.check.SelfCheck.CheckResult;
import org.mlgrade.grader.check.SelfCheck.QuestionOutcome;
import org.mlgrade.grader.check.SelfCheck.TestOutcome;
import org.mlgrade.grader.check.VisibleTests.LimitsData;
import org.mlgrade.grader.check.VisibleTests.MistakeData;
import org.mlgrade.grader.check.VisibleTests.QuestionData;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.submission.CompiledSubmission;
import org.mlgrade.reference.Mismatch;

class CheckReportTest {

  private static QuestionData question(String id, String api, int others, double otherPoints) {
    return new QuestionData(id, "Title " + id, 2, "p." + id, api, "m", "I", "O",
        VisibleTests.STRUCTURAL, 0, 0, "per_test", Map.of("off-by-one", 0.5), List.of(), others,
        otherPoints);
  }

  private static CheckResult result() {
    QuestionData q1 = question("q1", "org.mlgrade.api.conv.ConvArithmetic", 3, 1.5);
    QuestionData q2 = question("q2", "org.mlgrade.api.kernel.KernelValidity", 1, 0.5);
    MistakeData offByOne = new MistakeData("off-by-one", "You forgot the +1.",
        JsonNodeFactory.instance.objectNode(), 0);
    TestOutcome wrong = new TestOutcome("q1 visible #1", Outcome.WRONG_ANSWER, "wrong answer",
        0.25, 0.5, "{\"h\":7}", List.of(new Mismatch("height", "4", "3")), Optional.of(offByOne),
        "", "");
    TestOutcome right = new TestOutcome("q1 visible #2", Outcome.PASSED, "passed", 0.5, 0.5,
        "{\"h\":8}", List.of(), Optional.empty(), "", "");
    TestOutcome missing = new TestOutcome("q2 visible #1", Outcome.NO_IMPLEMENTATION,
        "not implemented", 0, 0.5, "{}", List.of(), Optional.empty(),
        "no implementation of KernelValidity", "");
    VisibleTests tests = new VisibleTests("HW", new LimitsData(5000, 60000, 256, 65536),
        List.of(), List.of(q1, q2));
    CompiledSubmission compiled = new CompiledSubmission(Path.of("c"), List.of("A.java"),
        List.of(), List.of(), List.of(), List.of());
    return new CheckResult(tests, Path.of("src"), compiled, IsolationLevel.PROCESS_ONLY,
        List.of(new QuestionOutcome(q1, 0.75, 1, List.of(wrong, right), false),
            new QuestionOutcome(q2, 0, 0.5, List.of(missing), true)));
  }

  private static String print(boolean colour) {
    StringWriter text = new StringWriter();
    CheckReport.print(result(), new PrintWriter(text), colour);
    return text.toString();
  }

  @Test
  void tableFailuresMissingInterfacesAndHiddenPointsArePrinted() {
    String text = print(false);

    assertThat(text).containsPattern("(?m)^q1 .*0\\.75/1 .*1/2")
        .containsPattern("(?m)^q2 .*0/0\\.5 .*0/1 .*not implemented")
        .containsPattern("(?m)^total .*0\\.75/1\\.5")
        .contains("[q1] q1 visible #1 (0.25/0.5): wrong answer")
        .contains("input: {\"h\":7}")
        .contains("height: expected 4, got 3")
        .contains("This looks like a known mistake (off-by-one): You forgot the +1. Partial "
            + "credit: 50% of the test's points.")
        .contains("org.mlgrade.api.kernel.KernelValidity (questions q2)")
        .contains("src/hw/KernelValiditySolution.java")
        .contains("Hidden tests: 4 more tests, worth 2 points")
        .contains("Sandbox isolation: process only.")
        .doesNotContain("\u001b[");
    assertThat(text).as("a not-implemented question is listed, not detailed")
        .doesNotContain("[q2]");
  }

  @Test
  void colourOnlyWhenAsked() {
    assertThat(print(true)).contains("\u001b[31m").contains("\u001b[0m");
  }
}
