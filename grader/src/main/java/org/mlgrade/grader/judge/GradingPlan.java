package org.mlgrade.grader.judge;

import java.util.ArrayList;
import java.util.List;
import org.mlgrade.grader.rubric.Question;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.TestCase;
import org.mlgrade.grader.sandbox.Call;
import org.mlgrade.harness.JsonWriter;
import org.mlgrade.harness.ValueEncoder;
import org.mlgrade.reference.Problem;

/**
 * A rubric made ready to grade many submissions: every test's input encoded for the sandbox and its
 * expected answer computed by the reference, once, before any student code runs.
 *
 * <p>The plan is immutable and shared by all the submissions of a batch. The expected answers never
 * leave this process: only {@link #calls()} go to the sandbox, each with the longest answer it
 * accepts ({@link AnswerBound}), so that the grader's memory per student stays bounded.
 */
public final class GradingPlan {

  /**
   * One test, ready to run and to judge.
   *
   * @param question the question it belongs to
   * @param test the rubric test
   * @param call what the sandbox runs: inputs only
   * @param expected the reference's answer
   */
  public record PlannedTest(Question question, TestCase test, Call call, Object expected) {}

  private final Rubric rubric;
  private final List<PlannedTest> tests;

  private GradingPlan(Rubric rubric, List<PlannedTest> tests) {
    this.rubric = rubric;
    this.tests = List.copyOf(tests);
  }

  /**
   * Encodes every input and computes every expected answer of {@code rubric}.
   *
   * @throws IllegalArgumentException when the reference cannot answer a test: the rubric asks
   *     something the problem does not define, and the message says which test
   */
  public static GradingPlan of(Rubric rubric) {
    List<PlannedTest> tests = new ArrayList<>();
    List<Question> questions = rubric.questions();
    for (int q = 0; q < questions.size(); q++) {
      Question question = questions.get(q);
      List<TestCase> cases = question.tests();
      for (int t = 0; t < cases.size(); t++) {
        TestCase test = cases.get(t);
        String key = q + "/" + t;
        Object expected = expected(question, test);
        tests.add(
            new PlannedTest(
                question, test, call(key, question.problem(), test, expected), expected));
      }
    }
    return new GradingPlan(rubric, tests);
  }

  private static Call call(String key, Problem<?, ?, ?> problem, TestCase test, Object expected) {
    // Written by the child's own encoder, as the child decodes it (ChildCodecCrossCheckTest: the
    // same value as Jackson's); in a cold one-shot run it costs a fraction of Jackson's.
    try {
      return new Call(
          key,
          problem.solverType().getName(),
          problem.method(),
          ValueEncoder.encode(test.input(), Integer.MAX_VALUE - 8),
          AnswerBound.of(expected));
    } catch (JsonWriter.Overflow | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot encode the input of test '" + test.name() + "': " + e.getMessage(), e);
    }
  }

  private static Object expected(Question question, TestCase test) {
    try {
      return answer(question.problem(), test.input());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "the reference of "
              + question.problem().id()
              + " cannot answer test '"
              + test.name()
              + "' of question "
              + question.id()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static <S, I, O> O answer(Problem<S, I, O> problem, Object input) {
    return problem.expected(problem.castInput(input));
  }

  /** The rubric this plan was made from. */
  public Rubric rubric() {
    return rubric;
  }

  /** Every test of the rubric, question by question, in rubric order. */
  public List<PlannedTest> tests() {
    return tests;
  }

  /** What the sandbox must run, in rubric order: inputs only. */
  public List<Call> calls() {
    return tests.stream().map(PlannedTest::call).toList();
  }
}
