package org.mlgrade.grader.judge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mlgrade.api.fakejudge.Doubler;
import org.mlgrade.grader.rubric.Limits;
import org.mlgrade.grader.rubric.MistakeCredit;
import org.mlgrade.grader.rubric.Question;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.Scoring;
import org.mlgrade.grader.rubric.TestCase;
import org.mlgrade.grader.rubric.Visibility;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.Tolerance;

/** A toy problem and rubrics built in code, so that judge tests need no real homework. */
final class FakeProblems {

  static final Problem<Doubler, Doubler.Number, Doubler.Answer> DOUBLER = Problem.of(
      "fake.doubler", "Double a number", Doubler.class, "twice", Doubler.Number.class,
      Doubler.Answer.class, Doubler::twice, n -> new Doubler.Answer(2 * n.x()),
      (random, index) -> new Doubler.Number(index + 1),
      List.of(new KnownMistake<>("plus-two", "You added 2 instead of doubling.",
          n -> new Doubler.Answer(n.x() + 2))));

  private FakeProblems() {}

  /** A one-question rubric with tests for x = 1..count, test points 1 each. */
  static Rubric rubric(Scoring scoring, double points, int count, List<MistakeCredit> credits) {
    List<TestCase> tests = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      tests.add(new TestCase("x=" + i, new Doubler.Number(i),
          i == 1 ? Visibility.VISIBLE : Visibility.HIDDEN, scoring == Scoring.PER_TEST
              ? points / count : 1));
    }
    Question question = new Question("q1", "Doubling", points, DOUBLER,
        new Tolerance(1e-9, 1e-6), scoring, credits, tests);
    return new Rubric(Path.of("fake.json"), "Fake homework", Limits.DEFAULT,
        List.of(), true, List.of(question));
  }
}
