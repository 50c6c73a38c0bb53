package org.mlgrade.grader.handout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.mlgrade.grader.check.VisibleTests;
import org.mlgrade.grader.check.VisibleTests.LimitsData;
import org.mlgrade.grader.check.VisibleTests.MistakeData;
import org.mlgrade.grader.check.VisibleTests.QuestionData;
import org.mlgrade.grader.check.VisibleTests.TestData;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.judge.GradingPlan.PlannedTest;
import org.mlgrade.grader.judge.Judge;
import org.mlgrade.grader.rubric.MistakeCredit;
import org.mlgrade.grader.rubric.Question;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.Scoring;
import org.mlgrade.grader.rubric.TestCase;
import org.mlgrade.grader.rubric.Visibility;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.Comparison;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.Problem;

/**
 * Extracts from a {@link GradingPlan} what the self-check may know: the visible tests with their
 * expected answers and each known mistake's answer, computed here by the reference and the
 * mistakes' solvers so that the handout needs neither. Of the other tests only their count and
 * points are kept.
 */
public final class VisibleTestsBuilder {

  private static final Class<?> STRUCTURAL = Comparison.structural().getClass();

  private VisibleTestsBuilder() {}

  /**
   * The visible tests of {@code plan}.
   *
   * @param portable whether the self-check can run a comparison class, by its name relative to
   *     the package of {@code Comparison} (the check jar holds it); the others are {@link
   *     VisibleTests#REFERENCE_ONLY}
   */
  public static VisibleTests of(GradingPlan plan, Predicate<String> portable) {
    Rubric rubric = plan.rubric();
    Map<Question, List<PlannedTest>> byQuestion = new LinkedHashMap<>();
    rubric.questions().forEach(q -> byQuestion.put(q, new ArrayList<>()));
    for (PlannedTest test : plan.tests()) {
      byQuestion.get(test.question()).add(test);
    }
    List<QuestionData> questions = new ArrayList<>();
    for (Map.Entry<Question, List<PlannedTest>> entry : byQuestion.entrySet()) {
      questions.add(question(entry.getKey(), entry.getValue(), portable));
    }
    return new VisibleTests(rubric.assignment(), LimitsData.of(rubric.limits()),
        rubric.forbidden(), questions);
  }

  private static QuestionData question(Question question, List<PlannedTest> planned,
      Predicate<String> portable) {
    Problem<?, ?, ?> problem = question.problem();
    double[] maxima = Judge.testMaxima(question);
    List<TestData> tests = new ArrayList<>();
    int others = 0;
    double otherPoints = 0;
    for (PlannedTest test : planned) {
      double max = maxima[question.tests().indexOf(test.test())];
      if (test.test().visibility() != Visibility.VISIBLE) {
        others++;
        otherPoints += max;
        continue;
      }
      tests.add(new TestData(test.test().name(), max, Wire.MAPPER.valueToTree(test.test().input()),
          Wire.MAPPER.valueToTree(test.expected()), mistakes(problem, question, test)));
    }
    Map<String, Double> credits = new LinkedHashMap<>();
    for (MistakeCredit credit : question.mistakeCredits()) {
      credits.put(credit.mistakeId(), credit.fraction());
    }
    return new QuestionData(question.id(), question.title(), question.points(), problem.id(),
        problem.solverType().getName(), problem.method(), problem.inputType().getName(),
        problem.outputType().getName(), comparisonId(problem, portable),
        question.tolerance().abs(), question.tolerance().rel(), question.scoring().rubricName(),
        credits, tests, others, Math.round(otherPoints * 1e6) / 1e6);
  }

  private static <S, I, O> List<MistakeData> mistakes(Problem<S, I, O> problem,
      Question question, PlannedTest test) {
    I input = problem.castInput(test.test().input());
    O expected = problem.castOutput(test.expected());
    List<MistakeData> mistakes = new ArrayList<>();
    for (KnownMistake<S> mistake : problem.knownMistakes()) {
      O wrong;
      try {
        wrong = problem.call().apply(mistake.solver(), input);
      } catch (RuntimeException e) {
        continue; // as Problem.diagnose: a mistake that throws here names nothing
      }
      if (problem.compare(input, expected, wrong, question.tolerance()).isEmpty()) {
        continue; // as Problem.diagnose: indistinguishable from a right answer here
      }
      JsonNode answer = Wire.MAPPER.valueToTree(wrong);
      double partsCredit = question.scoring() == Scoring.PER_PART
          ? Judge.partsCredit(test, wrong) : 0;
      mistakes.add(new MistakeData(mistake.id(), mistake.description(), answer, partsCredit));
    }
    return mistakes;
  }

  private static String comparisonId(Problem<?, ?, ?> problem, Predicate<String> portable) {
    Class<?> type = problem.comparison().getClass();
    if (type == STRUCTURAL) {
      return VisibleTests.STRUCTURAL;
    }
    String base = Comparison.class.getPackageName() + ".";
    boolean named = !type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass()
        && type.getName().startsWith(base);
    String relative = type.getName().substring(Math.min(base.length(), type.getName().length()));
    return named && portable.test(relative) ? relative : VisibleTests.REFERENCE_ONLY;
  }
}
