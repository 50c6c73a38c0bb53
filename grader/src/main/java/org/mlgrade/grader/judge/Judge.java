package org.mlgrade.grader.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlgrade.grader.judge.GradingPlan.PlannedTest;
import org.mlgrade.grader.judge.TestResult.MistakeNote;
import org.mlgrade.grader.rubric.MistakeCredit;
import org.mlgrade.grader.rubric.Question;
import org.mlgrade.grader.rubric.Scoring;
import org.mlgrade.grader.sandbox.CallResult;
import org.mlgrade.grader.sandbox.CallStatus;
import org.mlgrade.grader.sandbox.SandboxRun;
import org.mlgrade.grader.submission.CompiledSubmission;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.Mismatch;
import org.mlgrade.reference.Problem;

/**
 * Judges what the sandbox saw against the plan's expected answers and awards points.
 *
 * <p>Every test of the rubric gets a result, whether or not the sandbox reached it: a missing
 * call result scores 0 as {@link Outcome#NOT_RUN}, so a total is never computed over a partial
 * list. Only the value a call returned is read from the child; its status decides nothing but
 * how a failure is explained.
 */
public final class Judge {

  private static final int MAX_INPUT_SHOWN = 600;

  private Judge() {}

  /** Judges one submission. */
  public static Result judge(
      GradingPlan plan,
      String submission,
      CompiledSubmission compiled,
      SandboxRun run,
      Duration elapsed) {
    Map<String, CallResult> byKey = new LinkedHashMap<>();
    for (CallResult result : run.results()) {
      byKey.putIfAbsent(result.key(), result);
    }
    Map<Question, List<Judged>> byQuestion = new LinkedHashMap<>();
    for (PlannedTest test : plan.tests()) {
      CallResult call = byKey.get(test.call().key());
      byQuestion.computeIfAbsent(test.question(), q -> new ArrayList<>())
          .add(judgeTest(test, call, compiled));
    }
    List<QuestionResult> questions = new ArrayList<>();
    for (Question question : plan.rubric().questions()) {
      questions.add(score(question, byQuestion.getOrDefault(question, List.of())));
    }
    double score = round(questions.stream().mapToDouble(QuestionResult::score).sum());
    return new Result(plan.rubric().assignment(), submission, score, plan.rubric().maxScore(),
        questions, compiled, run.isolation(), run.restarts(), plan.rubric().resultsPerTest(),
        elapsed, plan.rubric().visibility(), plan.rubric().stdoutVisibility());
  }

  /** A test judged but not yet scored: the share of its points it earned, and its story. */
  private record Judged(PlannedTest test, Outcome outcome, double earned,
      List<Mismatch> mismatches, Optional<MistakeNote> mistake, String message,
      long elapsedNanos, String stdout) {}

  private static Judged judgeTest(PlannedTest test, CallResult call,
      CompiledSubmission compiled) {
    if (call == null) {
      return new Judged(test, Outcome.NOT_RUN, 0, List.of(), Optional.empty(),
          "the sandbox returned no result for this test", 0, "");
    }
    if (call.status() != CallStatus.RETURNED) {
      Outcome outcome = Outcome.of(call.status());
      String message = outcome.label() + (call.message().isBlank() ? "" : ": " + call.message())
          + compileHint(outcome, compiled);
      return new Judged(test, outcome, 0, List.of(), Optional.empty(), message,
          call.elapsedNanos(), call.stdout());
    }
    return judgeAnswer(test, test.question().problem(), call);
  }

  private static <S, I, O> Judged judgeAnswer(PlannedTest test, Problem<S, I, O> problem,
      CallResult call) {
    Question question = test.question();
    O actual;
    try {
      actual = Wire.MAPPER.readValue(call.outputJson(), problem.outputType());
    } catch (JsonProcessingException | RuntimeException e) {
      String why = e instanceof JsonProcessingException json ? json.getOriginalMessage()
          : e.getMessage();
      return new Judged(test, Outcome.UNREADABLE_ANSWER, 0, List.of(), Optional.empty(),
          "the returned " + problem.outputType().getSimpleName() + " could not be read: " + why,
          call.elapsedNanos(), call.stdout());
    }
    I input = problem.castInput(test.test().input());
    O expected = problem.castOutput(test.expected());
    List<Mismatch> mismatches = problem.compare(input, expected, actual, question.tolerance());
    if (mismatches.isEmpty()) {
      return new Judged(test, Outcome.PASSED, 1, List.of(), Optional.empty(), "",
          call.elapsedNanos(), call.stdout());
    }
    Optional<MistakeNote> mistake = problem.diagnose(input, expected, actual,
        question.tolerance()).map(known -> note(known, question));
    double earned = mistake.map(MistakeNote::credit).orElse(0.0);
    StringBuilder message = new StringBuilder("wrong answer");
    for (Mismatch mismatch : mismatches) {
      message.append("\n  ").append(mismatch);
    }
    mistake.ifPresent(note -> message.append("\nThis looks like a known mistake (")
        .append(note.id()).append("): ").append(note.description())
        .append(note.credit() > 0 ? " Partial credit: " + percent(note.credit()) + "." : ""));
    return new Judged(test, Outcome.WRONG_ANSWER, earned, mismatches, mistake,
        message.toString(), call.elapsedNanos(), call.stdout());
  }

  private static MistakeNote note(KnownMistake<?> known, Question question) {
    double credit = question.mistakeCredits().stream()
        .filter(c -> c.mistakeId().equals(known.id()))
        .mapToDouble(MistakeCredit::fraction).findFirst().orElse(0);
    return new MistakeNote(known.id(), known.description(), credit);
  }

  private static String compileHint(Outcome outcome, CompiledSubmission compiled) {
    if (outcome != Outcome.NO_IMPLEMENTATION || compiled.excluded().isEmpty()) {
      return "";
    }
    return "\nThese files did not compile and were left out: "
        + String.join(", ", compiled.excluded());
  }

  private static QuestionResult score(Question question, List<Judged> judged) {
    double totalWeight = judged.stream().mapToDouble(j -> j.test().test().points()).sum();
    boolean allPassed = judged.stream().allMatch(j -> j.outcome() == Outcome.PASSED);
    List<TestResult> tests = new ArrayList<>();
    double exact = 0;
    for (Judged j : judged) {
      double weight = j.test().test().points();
      double max = question.scoring() == Scoring.PER_TEST ? weight
          : totalWeight == 0 ? 0 : question.points() * weight / totalWeight;
      double earned = question.scoring() == Scoring.ALL_OR_NOTHING ? (allPassed ? 1 : 0)
          : j.earned();
      String message = j.message();
      if (question.scoring() == Scoring.ALL_OR_NOTHING && !allPassed && j.outcome()
          == Outcome.PASSED) {
        message = "passed, but this question is all-or-nothing and another of its tests failed";
      }
      exact += max * earned;
      tests.add(new TestResult(j.test().test().name(), j.test().test().visibility(),
          j.outcome(), round(max * earned), round(max), j.mismatches(), j.mistake(),
          withInput(message, j), abridgedInput(j), j.elapsedNanos(), j.stdout()));
    }
    // From the unrounded test scores: twelve tests of 1/3 point each make exactly 4.
    double score = round(exact);
    return new QuestionResult(question.id(), question.title(), score, question.points(), tests,
        question.visibility());
  }

  private static String withInput(String message, Judged j) {
    if (j.outcome() == Outcome.PASSED) {
      return message;
    }
    return message + "\nInput: " + abridgedInput(j);
  }

  private static String abridgedInput(Judged j) {
    String input;
    try {
      input = j.test().call().inputJson();
    } catch (RuntimeException e) {
      input = String.valueOf(j.test().test().input());
    }
    if (input.length() > MAX_INPUT_SHOWN) {
      input = input.substring(0, MAX_INPUT_SHOWN) + "... (" + input.length() + " characters)";
    }
    return input;
  }

  private static String percent(double fraction) {
    return Math.round(fraction * 100) + "% of the test's points";
  }

  /** Rounds to 1e-6 so that sums of fractions print as the points an instructor expects. */
  static double round(double points) {
    return Math.round(points * 1e6) / 1e6;
  }
}
