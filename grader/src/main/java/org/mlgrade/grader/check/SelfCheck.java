package org.mlgrade.grader.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mlgrade.grader.check.VisibleTests.MistakeData;
import org.mlgrade.grader.check.VisibleTests.QuestionData;
import org.mlgrade.grader.check.VisibleTests.TestData;
import org.mlgrade.grader.io.Trees;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.sandbox.Call;
import org.mlgrade.grader.sandbox.CallResult;
import org.mlgrade.grader.sandbox.CallStatus;
import org.mlgrade.grader.sandbox.ChildClasspath;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.ProcessSandbox;
import org.mlgrade.grader.sandbox.SandboxOptions;
import org.mlgrade.grader.sandbox.SandboxRun;
import org.mlgrade.grader.submission.CompiledSubmission;
import org.mlgrade.grader.submission.SubmissionCompiler;
import org.mlgrade.harness.Wire;
import org.mlgrade.reference.Comparison;
import org.mlgrade.reference.Mismatch;
import org.mlgrade.reference.Tolerance;

/**
 * Runs a student's sources on the visible tests of a handout: compiled and run exactly as grading
 * compiles and runs them (same compiler, static checks, sandbox and limits), judged with the
 * problem's own comparison against the stored expected answer, and a wrong answer named after the
 * first stored known-mistake answer it matches, as grading names it. A visible test scores what
 * grading gives it; an all-or-nothing question is scored over its visible tests only (grading also
 * needs the hidden ones to pass). A question whose comparison needs reference code ({@link
 * VisibleTests#REFERENCE_ONLY}) is decided only for the expected answer and known mistakes'
 * answers; any other answer is reported as not decided, at 0.
 */
public final class SelfCheck {

  /** What the harness reports when a skeleton method is called. */
  static final String NOT_IMPLEMENTED = "not implemented yet";

  private SelfCheck() {}

  /**
   * One visible test's outcome.
   *
   * @param name the test's name
   * @param outcome how it ended, as grading says it ({@link Outcome#NOT_DECIDED} for an answer only
   *     the grader can judge)
   * @param label a few words: passed, wrong answer, not implemented, threw an exception, ...
   * @param score points earned
   * @param maxScore points available
   * @param input the test's input (wire JSON)
   * @param mismatches where a wrong answer differs
   * @param mistake the known mistake it matches, if any
   * @param message more for the student (the exception, the limit hit, ...)
   * @param stdout what the code printed
   */
  public record TestOutcome(
      String name,
      Outcome outcome,
      String label,
      double score,
      double maxScore,
      String input,
      List<Mismatch> mismatches,
      Optional<MistakeData> mistake,
      String message,
      String stdout) {

    /** Whether the test passed. */
    public boolean passed() {
      return outcome == Outcome.PASSED;
    }
  }

  /**
   * One question's outcome on its visible tests.
   *
   * @param question the question
   * @param score points earned on the visible tests
   * @param maxScore points of the visible tests
   * @param tests each visible test
   * @param notImplemented true when no visible test found an implementation to run
   */
  public record QuestionOutcome(
      QuestionData question,
      double score,
      double maxScore,
      List<TestOutcome> tests,
      boolean notImplemented) {}

  /**
   * The whole self-check.
   *
   * @param tests what was checked
   * @param sources the student's sources
   * @param compiled the compiled submission
   * @param isolation the sandbox level in force
   * @param questions each question's outcome
   */
  public record CheckResult(
      VisibleTests tests,
      Path sources,
      CompiledSubmission compiled,
      IsolationLevel isolation,
      List<QuestionOutcome> questions) {

    /** Points earned on the visible tests. */
    public double score() {
      return Math.round(questions.stream().mapToDouble(QuestionOutcome::score).sum() * 1e6) / 1e6;
    }

    /** Points of the visible tests. */
    public double maxScore() {
      return Math.round(questions.stream().mapToDouble(QuestionOutcome::maxScore).sum() * 1e6)
          / 1e6;
    }
  }

  /** Compiles {@code sources} and runs the visible tests of {@code tests} on them. */
  public static CheckResult run(VisibleTests tests, Path sources, SandboxOptions options) {
    Path work = null;
    try (ProcessSandbox sandbox = new ProcessSandbox(options)) {
      work = Files.createTempDirectory("mlgrade-check-");
      CompiledSubmission compiled;
      try (SubmissionCompiler compiler =
          new SubmissionCompiler(ChildClasspath.materializeApi(work.resolve("api")))) {
        compiled =
            compiler.compile(sources, work.resolve("submission"), Set.copyOf(tests.staticChecks()));
      }
      List<Call> calls = new ArrayList<>();
      List<QuestionData> questions = tests.questions();
      for (int q = 0; q < questions.size(); q++) {
        QuestionData question = questions.get(q);
        for (int t = 0; t < question.tests().size(); t++) {
          calls.add(
              new Call(
                  q + "/" + t,
                  question.solverInterface(),
                  question.method(),
                  Wire.MAPPER.writeValueAsString(question.tests().get(t).input())));
        }
      }
      SandboxRun run = sandbox.run(compiled.classesDir(), calls, tests.limits().toLimits());
      Map<String, CallResult> byKey = new LinkedHashMap<>();
      run.results().forEach(r -> byKey.putIfAbsent(r.key(), r));
      List<QuestionOutcome> outcomes = new ArrayList<>();
      for (int q = 0; q < questions.size(); q++) {
        outcomes.add(judge(questions.get(q), q, byKey));
      }
      return new CheckResult(tests, sources, compiled, run.isolation(), outcomes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a work directory for the self-check", e);
    } finally {
      if (work != null) {
        Trees.deleteQuietly(work);
      }
    }
  }

  private static QuestionOutcome judge(
      QuestionData question, int index, Map<String, CallResult> byKey) {
    boolean referenceOnly = VisibleTests.REFERENCE_ONLY.equals(question.comparison());
    Comparison<Object, Object> comparison =
        referenceOnly ? Comparison.structural() : comparison(question.comparison());
    Tolerance tolerance = new Tolerance(question.abs(), question.rel());
    Class<?> inputType = type(question.inputType());
    Class<?> outputType = type(question.outputType());
    List<Judged> judged = new ArrayList<>();
    for (int t = 0; t < question.tests().size(); t++) {
      TestData test = question.tests().get(t);
      CallResult call = byKey.get(index + "/" + t);
      judged.add(
          judgeTest(
              question, test, call, comparison, referenceOnly, tolerance, inputType, outputType));
    }
    boolean allPassed = judged.stream().allMatch(Judged::passed);
    boolean allOrNothing = "all_or_nothing".equals(question.scoring());
    List<TestOutcome> outcomes = new ArrayList<>();
    double exact = 0;
    double max = 0;
    Set<Boolean> implemented = new HashSet<>();
    for (int t = 0; t < judged.size(); t++) {
      Judged j = judged.get(t);
      TestData test = question.tests().get(t);
      double earned = allOrNothing ? (allPassed ? 1 : 0) : j.earned;
      exact += test.maxScore() * earned;
      max += test.maxScore();
      implemented.add(!j.notImplemented);
      outcomes.add(
          new TestOutcome(
              test.name(),
              j.outcome,
              j.label,
              round(test.maxScore() * earned),
              round(test.maxScore()),
              abridged(test.input()),
              j.mismatches,
              j.mistake,
              j.message,
              j.stdout));
    }
    return new QuestionOutcome(
        question,
        round(exact),
        round(max),
        outcomes,
        !judged.isEmpty() && !implemented.contains(true));
  }

  /** A judged test before scoring. */
  private record Judged(
      Outcome outcome,
      String label,
      double earned,
      List<Mismatch> mismatches,
      Optional<MistakeData> mistake,
      String message,
      String stdout,
      boolean notImplemented) {

    boolean passed() {
      return outcome == Outcome.PASSED;
    }
  }

  private static Judged judgeTest(
      QuestionData question,
      TestData test,
      CallResult call,
      Comparison<Object, Object> comparison,
      boolean referenceOnly,
      Tolerance tolerance,
      Class<?> inputType,
      Class<?> outputType) {
    if (call == null) {
      return new Judged(
          Outcome.NOT_RUN,
          "not run",
          0,
          List.of(),
          Optional.empty(),
          "the sandbox returned no result for this test",
          "",
          false);
    }
    if (call.status() != CallStatus.RETURNED) {
      boolean missing =
          call.status() == CallStatus.NO_IMPLEMENTATION
              || (call.status() == CallStatus.THREW && call.message().contains(NOT_IMPLEMENTED));
      String label = missing ? "not implemented" : label(call.status());
      return new Judged(
          Outcome.of(call.status()),
          label,
          0,
          List.of(),
          Optional.empty(),
          call.message(),
          call.stdout(),
          missing);
    }
    Object actual;
    try {
      actual = Wire.MAPPER.readValue(call.outputJson(), outputType);
    } catch (JsonProcessingException | RuntimeException e) {
      return new Judged(
          Outcome.UNREADABLE_ANSWER,
          "answer could not be read",
          0,
          List.of(),
          Optional.empty(),
          String.valueOf(e.getMessage()),
          call.stdout(),
          false);
    }
    Object input = value(test.input(), inputType);
    Object expected = value(test.expected(), outputType);
    List<Mismatch> mismatches = comparison.compare(input, expected, actual, tolerance);
    if (mismatches.isEmpty()) {
      return new Judged(
          Outcome.PASSED, "passed", 1, List.of(), Optional.empty(), "", call.stdout(), false);
    }
    for (MistakeData mistake : test.mistakes()) {
      Object wrong = value(mistake.answer(), outputType);
      if (comparison.sameAnswer(input, wrong, actual, tolerance)) {
        // As grading: per-part credit for the answer's right parts, or the mistake's credit.
        double credit =
            Math.max(
                mistake.partsCredit(), question.mistakeCredit().getOrDefault(mistake.id(), 0.0));
        return new Judged(
            Outcome.WRONG_ANSWER,
            "wrong answer",
            credit,
            mismatches,
            Optional.of(mistake),
            "",
            call.stdout(),
            false);
      }
    }
    if (referenceOnly) {
      return new Judged(
          Outcome.NOT_DECIDED,
          "not decided here",
          0,
          List.of(),
          Optional.empty(),
          "Your answer is not the example answer "
              + abridged(test.expected())
              + ", but grading "
              + "accepts any valid answer and only the grader can check validity; it is not "
              + "counted here.",
          call.stdout(),
          false);
    }
    return new Judged(
        Outcome.WRONG_ANSWER,
        "wrong answer",
        0,
        mismatches,
        Optional.empty(),
        "",
        call.stdout(),
        false);
  }

  private static String label(CallStatus status) {
    return switch (status) {
      case RETURNED -> "returned";
      case THREW -> "threw an exception";
      case TIMED_OUT -> "timed out";
      case EXITED -> "exited the JVM";
      case OUT_OF_MEMORY -> "ran out of memory";
      case STACK_OVERFLOW -> "stack overflow";
      case OUTPUT_FLOOD -> "printed too much";
      case ANSWER_TOO_LARGE -> "answer too large";
      case NO_IMPLEMENTATION -> "not implemented";
      case AMBIGUOUS_IMPLEMENTATION -> "several implementations found";
      case CANNOT_INSTANTIATE -> "implementation could not be created";
      case NOT_RUN -> "not run";
    };
  }

  private static Object value(JsonNode node, Class<?> type) {
    try {
      return Wire.MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "the handout's " + type.getSimpleName() + " cannot be read: " + e.getOriginalMessage(),
          e);
    }
  }

  private static Class<?> type(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "the API class "
              + name
              + " is missing: the handout and "
              + "this self-check do not belong together",
          e);
    }
  }

  /** The comparison a question names, {@link VisibleTests#STRUCTURAL} or a class name. */
  @SuppressWarnings("unchecked")
  static Comparison<Object, Object> comparison(String id) {
    if (VisibleTests.STRUCTURAL.equals(id)) {
      return Comparison.structural();
    }
    // Relative to the package of Comparison: the check jar relocates that package.
    String name = Comparison.class.getPackageName() + "." + id;
    try {
      var constructor = Class.forName(name).getDeclaredConstructor();
      constructor.setAccessible(true);
      return (Comparison<Object, Object>) constructor.newInstance();
    } catch (ClassNotFoundException
        | NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | InvocationTargetException
        | ClassCastException e) {
      throw new IllegalStateException(
          "the comparison "
              + id
              + " is missing from this "
              + "self-check: the handout and the check jar do not belong together",
          e);
    }
  }

  private static String abridged(JsonNode input) {
    String text;
    try {
      text = Wire.MAPPER.writeValueAsString(input);
    } catch (JsonProcessingException e) {
      text = input.toString();
    }
    return text.length() > 600
        ? text.substring(0, 600) + "... (" + text.length() + " characters)"
        : text;
  }

  private static double round(double points) {
    return Math.round(points * 1e6) / 1e6;
  }
}
