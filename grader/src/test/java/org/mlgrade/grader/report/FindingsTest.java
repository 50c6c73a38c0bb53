package org.mlgrade.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.ResultVisibility;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.judge.TestResult.MistakeNote;
import org.mlgrade.grader.judge.TestResult.NonFinite;
import org.mlgrade.grader.judge.TestResult.PartScore;
import org.mlgrade.reference.Mismatch;
import org.mlgrade.reference.PartStatus;
import org.mlgrade.reference.StructuralComparison;

class FindingsTest {

  private static TestResult wrong(
      List<PartScore> parts, List<MistakeNote> matching, Optional<NonFinite> nonFinite) {
    List<Mismatch> mismatches =
        parts.stream()
            .flatMap(p -> p.mismatches().stream())
            .limit(StructuralComparison.MAX_MISMATCHES)
            .toList();
    Optional<MistakeNote> named =
        matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    return new TestResult(
        "t",
        ResultVisibility.VISIBLE,
        Outcome.WRONG_ANSWER,
        0,
        1,
        mismatches,
        named,
        "wrong answer",
        "{\"x\":1}",
        1,
        "",
        parts,
        matching,
        nonFinite);
  }

  @Test
  void manyDifferencesAreCountedWithoutABogusLine() {
    // A 784-entry answer wrong everywhere: 10 listed, 774 counted (issue 9 saw
    // "output: expected , got ... and N more differences").
    List<Mismatch> listed = new ArrayList<>();
    for (int i = 0; i < StructuralComparison.MAX_MISMATCHES; i++) {
      listed.add(new Mismatch("p[" + i + "]", "0.0", "1.0"));
    }
    String text =
        Findings.describe(
            wrong(
                List.of(new PartScore("p", PartStatus.WRONG, 1, 0, listed, 774)),
                List.of(),
                Optional.empty()));
    assertThat(text)
        .contains("p[9]: expected 0.0, got 1.0")
        .contains("... and 774 more differences")
        .doesNotContain("expected , got")
        .doesNotContain("output:");
  }

  @Test
  void partsAreListedWrongOrCarriedForward() {
    String text =
        Findings.describe(
            wrong(
                List.of(
                    new PartScore("conv5", PartStatus.RIGHT, 1, 1, List.of(), 0),
                    new PartScore(
                        "fc1",
                        PartStatus.WRONG,
                        1,
                        0,
                        List.of(new Mismatch("layers[5].weights", "37748736", "177209344")),
                        0),
                    new PartScore(
                        "totals",
                        PartStatus.CARRIED_FORWARD,
                        1,
                        0.5,
                        List.of(new Mismatch("weights", "1", "2")),
                        0)),
                List.of(new MistakeNote("fc1-without-pool", "Pool before fc1.", 0)),
                Optional.empty()));
    assertThat(text)
        .contains("(1 of 3 parts right)")
        .contains("fc1: wrong")
        .contains(
            "totals: follows correctly from your earlier wrong parts (error carried"
                + " forward, 50% of its credit)")
        .contains("known mistake (fc1-without-pool): Pool before fc1.")
        .contains("Input: {\"x\":1}");
  }

  @Test
  void severalMatchesNameNoneAndNanListsLikelyCauses() {
    List<PartScore> parts =
        List.of(
            new PartScore(
                "answer",
                PartStatus.WRONG,
                1,
                0,
                List.of(new Mismatch("r[0][0]", "0.5", "NaN")),
                0));
    String ambiguous =
        Findings.describe(
            wrong(
                parts,
                List.of(new MistakeNote("a", "A.", 0), new MistakeNote("b", "B.", 0)),
                Optional.empty()));
    assertThat(ambiguous).doesNotContain("known mistake");
    String nan =
        Findings.describe(
            wrong(
                parts,
                List.of(),
                Optional.of(
                    new NonFinite(
                        List.of("answer"),
                        List.of(new MistakeNote("product-underflow", "Use log-sum-exp.", 0))))));
    assertThat(nan)
        .contains("NaN (not a number) in answer")
        .contains("product-underflow (Use log-sum-exp.)")
        .doesNotContain("known mistake");
  }
}
