package org.mlgrade.grader.judge;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlgrade.grader.judge.GradingPlan.PlannedTest;
import org.mlgrade.grader.judge.TestResult.MistakeNote;
import org.mlgrade.grader.judge.TestResult.NonFinite;
import org.mlgrade.grader.judge.TestResult.PartScore;
import org.mlgrade.grader.rubric.MistakeCredit;
import org.mlgrade.grader.rubric.Question;
import org.mlgrade.grader.rubric.TestCase;
import org.mlgrade.grader.sandbox.CallResult;
import org.mlgrade.grader.sandbox.CallStatus;
import org.mlgrade.grader.sandbox.SandboxRun;
import org.mlgrade.grader.submission.CompiledSubmission;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.KnownMistake;
import org.mlgrade.reference.Mismatch;
import org.mlgrade.reference.MistakeDiagnosis;
import org.mlgrade.reference.PartResult;
import org.mlgrade.reference.Problem;
import org.mlgrade.reference.StructuralComparison;

/**
 * Judges what the sandbox saw against the plan's expected answers and awards points.
 *
 * <p>Every test of the rubric gets a result, whether or not the sandbox reached it: a missing call
 * result scores 0 as {@link Outcome#NOT_RUN}, so a total is never computed over a partial list.
 * Only the value a call returned is read from the child; its status decides nothing but how a
 * failure is explained. The judge finds; the words are the reporters' ({@code report}).
 */
public final class Judge {

  private static final int MAX_INPUT_SHOWN = 600;
  private static final long MICRO = 1_000_000;

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
      byQuestion
          .computeIfAbsent(test.question(), q -> new ArrayList<>())
          .add(judgeTest(test, call, compiled));
    }
    List<QuestionResult> questions = new ArrayList<>();
    for (Question question : plan.rubric().questions()) {
      List<Judged> judged = byQuestion.getOrDefault(question, List.of());
      questions.add(score(question, disambiguate(question.problem(), judged)));
    }
    double score = round(questions.stream().mapToDouble(QuestionResult::score).sum());
    return new Result(
        plan.rubric().assignment(),
        submission,
        score,
        plan.rubric().maxScore(),
        questions,
        CompileSummary.of(compiled),
        IsolationSummary.of(run.isolation()),
        run.restarts(),
        plan.rubric().resultsPerTest(),
        elapsed,
        ResultVisibility.of(plan.rubric().visibility()),
        ResultVisibility.of(plan.rubric().stdoutVisibility()));
  }

  /**
   * A test judged but not yet scored: its outcome, the parts of a returned answer, the known
   * mistakes it matches, and (for answers) what is needed to compare it with a mistake again.
   */
  private record Judged(
      PlannedTest test,
      Outcome outcome,
      List<PartResult> parts,
      List<Mismatch> mismatches,
      MistakeDiagnosis<?> diagnosis,
      String message,
      long elapsedNanos,
      String stdout,
      Object actual) {

    Judged withDiagnosis(MistakeDiagnosis<?> narrowed) {
      return new Judged(
          test, outcome, parts, mismatches, narrowed, message, elapsedNanos, stdout, actual);
    }
  }

  private static Judged judgeTest(PlannedTest test, CallResult call, CompiledSubmission compiled) {
    if (call == null) {
      return new Judged(
          test,
          Outcome.NOT_RUN,
          List.of(),
          List.of(),
          MistakeDiagnosis.none(),
          "the sandbox returned no result for this test",
          0,
          "",
          null);
    }
    if (call.status() != CallStatus.RETURNED) {
      Outcome outcome = Outcome.of(call.status());
      String message =
          outcome.label()
              + (call.message().isBlank() ? "" : ": " + call.message())
              + compileHint(outcome, compiled);
      return new Judged(
          test,
          outcome,
          List.of(),
          List.of(),
          MistakeDiagnosis.none(),
          message,
          call.elapsedNanos(),
          call.stdout(),
          null);
    }
    return judgeAnswer(test, test.question().problem(), call);
  }

  private static <S, I, O> Judged judgeAnswer(
      PlannedTest test, Problem<S, I, O> problem, CallResult call) {
    Question question = test.question();
    O actual;
    try {
      actual = Wire.MAPPER.readValue(call.outputJson(), problem.outputType());
    } catch (JsonProcessingException | RuntimeException e) {
      String why =
          e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
      return new Judged(
          test,
          Outcome.UNREADABLE_ANSWER,
          List.of(),
          List.of(),
          MistakeDiagnosis.none(),
          "the returned " + problem.outputType().getSimpleName() + " could not be read: " + why,
          call.elapsedNanos(),
          call.stdout(),
          null);
    }
    I input = problem.castInput(test.test().input());
    O expected = problem.castOutput(test.expected());
    List<PartResult> parts = problem.compareParts(input, expected, actual, question.tolerance());
    if (parts.stream().allMatch(PartResult::right)) {
      return new Judged(
          test,
          Outcome.PASSED,
          parts,
          List.of(),
          MistakeDiagnosis.none(),
          "",
          call.elapsedNanos(),
          call.stdout(),
          actual);
    }
    List<Mismatch> mismatches =
        parts.stream()
            .flatMap(p -> p.mismatches().stream())
            .limit(StructuralComparison.MAX_MISMATCHES)
            .toList();
    MistakeDiagnosis<S> diagnosis = problem.diagnose(input, expected, actual, question.tolerance());
    StringBuilder message = new StringBuilder(Outcome.WRONG_ANSWER.label());
    mismatches.forEach(m -> message.append("\n  ").append(m));
    return new Judged(
        test,
        Outcome.WRONG_ANSWER,
        parts,
        mismatches,
        diagnosis,
        message.toString(),
        call.elapsedNanos(),
        call.stdout(),
        actual);
  }

  /**
   * Where a failed test matches several known mistakes, drops those that another test of the same
   * question rules out: a mistake whose answer there is wrong where the student's is right ({@link
   * Problem#refutes}).
   */
  private static List<Judged> disambiguate(Problem<?, ?, ?> problem, List<Judged> judged) {
    if (judged.stream().noneMatch(j -> j.diagnosis().matches().size() > 1)) {
      return judged;
    }
    Map<String, Boolean> refuted = new HashMap<>();
    List<Judged> result = new ArrayList<>();
    for (Judged j : judged) {
      result.add(
          j.diagnosis().matches().size() > 1
              ? j.withDiagnosis(narrow(problem, j.diagnosis(), judged, refuted))
              : j);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static <S, I, O> MistakeDiagnosis<S> narrow(
      Problem<S, I, O> problem,
      MistakeDiagnosis<?> diagnosis,
      List<Judged> judged,
      Map<String, Boolean> refuted) {
    MistakeDiagnosis<S> typed = (MistakeDiagnosis<S>) diagnosis;
    List<KnownMistake<S>> kept =
        typed.matches().stream()
            .filter(
                m -> !refuted.computeIfAbsent(m.id(), id -> refutedAnywhere(problem, m, judged)))
            .toList();
    return new MistakeDiagnosis<>(kept, typed.nonFiniteParts(), typed.nonFiniteCauses());
  }

  private static <S, I, O> boolean refutedAnywhere(
      Problem<S, I, O> problem, KnownMistake<S> mistake, List<Judged> judged) {
    for (Judged j : judged) {
      if (j.actual() == null) {
        continue;
      }
      I input = problem.castInput(j.test().test().input());
      O expected = problem.castOutput(j.test().expected());
      if (problem.refutes(
          input,
          expected,
          problem.castOutput(j.actual()),
          mistake,
          j.test().question().tolerance())) {
        return true;
      }
    }
    return false;
  }

  private static MistakeNote note(KnownMistake<?> known, Question question) {
    double credit =
        question.mistakeCredits().stream()
            .filter(c -> c.mistakeId().equals(known.id()))
            .mapToDouble(MistakeCredit::fraction)
            .findFirst()
            .orElse(0);
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
    boolean allPassed = judged.stream().allMatch(j -> j.outcome() == Outcome.PASSED);
    long[] maxima = maxima(question, judged);
    double totalWeight = judged.stream().mapToDouble(j -> j.test().test().points()).sum();
    List<TestResult> tests = new ArrayList<>();
    double exact = 0;
    for (int i = 0; i < judged.size(); i++) {
      Judged j = judged.get(i);
      List<MistakeNote> matching =
          j.diagnosis().matches().stream().map(m -> note(m, question)).toList();
      Optional<MistakeNote> named =
          matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
      List<PartScore> parts = partScores(question, j.parts());
      double earned =
          switch (question.scoring()) {
            case ALL_OR_NOTHING -> allPassed ? 1 : 0;
            case PER_PART ->
                j.outcome() == Outcome.PASSED
                    ? 1
                    : Math.max(partsCredit(parts), named.map(MistakeNote::credit).orElse(0.0));
            case PER_TEST, PROPORTIONAL ->
                j.outcome() == Outcome.PASSED ? 1 : named.map(MistakeNote::credit).orElse(0.0);
          };
      double max = maxima[i] / (double) MICRO;
      // the question's score from the exact shares: 8 of 12 tests of 4 points make 2.666667
      exact +=
          totalWeight == 0
              ? 0
              : question.points() * j.test().test().points() / totalWeight * earned;
      Optional<NonFinite> nonFinite =
          j.diagnosis().nonFinite()
              ? Optional.of(
                  new NonFinite(
                      j.diagnosis().nonFiniteParts(),
                      j.diagnosis().nonFiniteCauses().stream()
                          .map(m -> note(m, question))
                          .toList()))
              : Optional.empty();
      tests.add(
          new TestResult(
              j.test().test().name(),
              ResultVisibility.of(j.test().test().visibility()),
              j.outcome(),
              Math.round(maxima[i] * earned) / (double) MICRO,
              max,
              j.mismatches(),
              named,
              j.message(),
              abridgedInput(j),
              j.elapsedNanos(),
              j.stdout(),
              parts,
              matching,
              nonFinite));
    }
    // From the unrounded test scores: twelve tests of 1/3 point each make exactly 4.
    double score = round(exact);
    return new QuestionResult(
        question.id(),
        question.title(),
        score,
        question.points(),
        tests,
        ResultVisibility.of(question.visibility()));
  }

  /**
   * Each test's maximum in millionths of a point, adding up exactly to the question's points: the
   * exact shares are rounded down and the millionths left over go to the largest remainders
   * (Hamilton's method), so that three tests of a 1-point question get 0.333334, 0.333333 and
   * 0.333333.
   */
  static long[] maxima(Question question, List<Judged> judged) {
    return micros(
        question.points(), judged.stream().mapToDouble(j -> j.test().test().points()).toArray());
  }

  /**
   * The maximum of each of {@code question}'s tests (in rubric order) as grading gives it, adding
   * up exactly to the question's points; the self-check's handout stores the same figures.
   */
  public static double[] testMaxima(Question question) {
    long[] units =
        micros(
            question.points(), question.tests().stream().mapToDouble(TestCase::points).toArray());
    return Arrays.stream(units).mapToDouble(u -> u / (double) MICRO).toArray();
  }

  private static long[] micros(double points, double[] weights) {
    int n = weights.length;
    double totalWeight = Arrays.stream(weights).sum();
    long[] units = new long[n];
    double[] remainders = new double[n];
    long target = Math.round(points * MICRO);
    long given = 0;
    for (int i = 0; i < n; i++) {
      double weight = weights[i];
      double share = totalWeight == 0 ? 0 : (double) target * weight / totalWeight;
      units[i] = (long) Math.floor(share);
      remainders[i] = share - units[i];
      given += units[i];
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]));
    for (int k = 0; k < n && given < target && totalWeight > 0; k++) {
      units[order[k]]++;
      given++;
    }
    return units;
  }

  private static List<PartScore> partScores(Question question, List<PartResult> parts) {
    return parts.stream()
        .map(
            p ->
                new PartScore(
                    p.name(),
                    p.status(),
                    question.partWeight(p.name()),
                    switch (p.status()) {
                      case RIGHT -> 1;
                      case CARRIED_FORWARD -> question.carriedForward();
                      case WRONG -> 0;
                    },
                    p.mismatches(),
                    p.omitted()))
        .toList();
  }

  /** The weighted share of the parts' credit; 0 when the parts weigh nothing. */
  /**
   * The share of {@code test}'s points that per-part scoring gives {@code answer} for its parts
   * alone (right parts, and errors carried forward as the rubric says), as {@link #judge} does for
   * a wrong answer of a {@code per_part} question. The handout stores it for each known mistake's
   * answer, so that the self-check scores those answers exactly as grading does.
   */
  public static <S, I, O> double partsCredit(PlannedTest test, Object answer) {
    @SuppressWarnings("unchecked")
    Problem<S, I, O> problem = (Problem<S, I, O>) test.question().problem();
    I input = problem.castInput(test.test().input());
    O expected = problem.castOutput(test.expected());
    List<PartResult> parts =
        problem.compareParts(
            input, expected, problem.castOutput(answer), test.question().tolerance());
    return partsCredit(partScores(test.question(), parts));
  }

  private static double partsCredit(List<PartScore> parts) {
    double weight = parts.stream().mapToDouble(PartScore::weight).sum();
    if (!(weight > 0)) {
      return 0;
    }
    return parts.stream().mapToDouble(p -> p.weight() * p.credit()).sum() / weight;
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

  /** Rounds to 1e-6 so that sums of fractions print as the points an instructor expects. */
  static double round(double points) {
    return Math.round(points * 1e6) / 1e6;
  }
}
