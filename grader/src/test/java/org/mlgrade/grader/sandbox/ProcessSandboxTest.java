package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mlgrade.grader.sandbox.SandboxFixture.LIMITS;
import static org.mlgrade.grader.sandbox.SandboxFixture.LOOP_LIMITS;
import static org.mlgrade.grader.sandbox.SandboxFixture.calls;
import static org.mlgrade.grader.sandbox.SandboxFixture.square;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** End to end: real child JVMs at the strongest isolation level that works on this machine. */
@Tag("e2e")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProcessSandboxTest {

  private static SandboxFixture fixture;
  private static ProcessSandbox sandbox;

  @BeforeAll
  static void compileAndStart() {
    fixture = new SandboxFixture();
    sandbox = fixture.sandbox(null);
  }

  @AfterAll
  static void cleanUp() {
    sandbox.close();
    fixture.close();
  }

  private static SandboxRun run(String... notes) {
    return sandbox.run(fixture.solution, calls(notes), LIMITS);
  }

  private static List<CallStatus> statuses(SandboxRun run) {
    return run.results().stream().map(CallResult::status).toList();
  }

  @Test
  void correctCallsReturnTheirJsonInOrderFromOneChild() {
    SandboxRun run = run("", "", "");

    assertThat(statuses(run)).containsOnly(CallStatus.RETURNED);
    assertThat(run.results()).extracting(CallResult::key).containsExactly("c0", "c1", "c2");
    assertThat(run.results())
        .extracting(CallResult::outputJson)
        .containsExactly(square(0), square(1), square(2));
    assertThat(run.restarts()).isZero();
  }

  @Test
  void printsAreCapturedPerCall() {
    SandboxRun run = run("print", "");

    assertThat(run.results().get(0).stdout()).isEqualTo("hello from student\n");
    assertThat(run.results().get(0).stderr()).isEqualTo("careful\n");
    assertThat(run.results().get(1).stdout()).isEmpty();
  }

  @Test
  void anExceptionIsReportedWithItsMessageAndTheStudentsFrames() {
    CallResult result = run("throw").results().get(0);

    assertThat(result.status()).isEqualTo(CallStatus.THREW);
    assertThat(result.outputJson()).isNull();
    assertThat(result.message())
        .startsWith("java.lang.IllegalArgumentException: negative input 2.0")
        .contains("at student.Solution.square(")
        .doesNotContain("org.mlgrade.harness")
        .doesNotContain("java.lang.reflect");
  }

  @Test
  void anInfiniteLoopTimesOutAndTheNextCallStillRuns() {
    SandboxRun run = sandbox.run(fixture.solution, calls("loop", ""), LOOP_LIMITS);

    assertThat(statuses(run)).containsExactly(CallStatus.TIMED_OUT, CallStatus.RETURNED);
    assertThat(run.results().get(0).message())
        .contains("3 s per test")
        .contains("also when run again in a fresh JVM");
    assertThat(run.results().get(1).outputJson()).isEqualTo(square(1));
    // One restart to try the loop again in a fresh JVM, one for the call after it.
    assertThat(run.restarts()).isEqualTo(2);
  }

  @Test
  void holdingProtocolLinesBackDoesNotStopTheGradersClock() {
    // Issue 13: the first call swaps the channel's stream so that lines reach the grader only
    // with the next result; the second computes for 5 s of CPU time against a 3 s limit.
    SandboxRun run = sandbox.run(fixture.solution, calls("hold", "cpu:5000", ""), LOOP_LIMITS);

    assertThat(run.results().get(0).stdout()).startsWith("HELD");
    assertThat(statuses(run))
        .containsExactly(CallStatus.RETURNED, CallStatus.TIMED_OUT, CallStatus.RETURNED);
  }

  @Test
  void sleepingIsNotChargedAsCpuTimeUpToTheWallClockBackstop() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "no /proc: limits are wall time");
    // 4.5 s asleep against a 3 s CPU-time limit, within the backstop of 3 x 3 s + 2 s.
    CallResult result =
        sandbox.run(fixture.solution, calls("sleep:4500"), LOOP_LIMITS).results().get(0);

    assertThat(result.status()).isEqualTo(CallStatus.RETURNED);
    // Well past the 3 s limit. Not "at least 4.5 s": the clock of a child's first call starts when
    // the grader reads READY, which on a busy machine can lag the child's write by more than the
    // few milliseconds the child spends between READY and the student's code (4.4965 s was seen).
    assertThat(result.elapsedNanos()).isGreaterThanOrEqualTo(4_000_000_000L);
  }

  @Test
  void sleepingPastTheBackstopTimesOutAndSaysItCountedWallTime() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "no /proc: limits are wall time");
    SandboxLimits quick =
        new SandboxLimits(
            Duration.ofSeconds(1), LIMITS.total(), LIMITS.heapMegabytes(), LIMITS.outputBytes());
    CallResult result =
        sandbox.run(fixture.solution, calls("sleep:600000"), quick).results().get(0);

    assertThat(result.status()).isEqualTo(CallStatus.TIMED_OUT);
    assertThat(result.message()).contains("5 s of wall-clock time");
  }

  @Test
  void anAnswerLongerThanTheCallsBoundIsTooLargeAndTheNextCallStillRuns() {
    // {"y":4.0} is 9 characters of JSON; a bound of 8 cannot hold it.
    List<Call> calls =
        List.of(
            new Call("big", StudentCode.SOLVER, StudentCode.METHOD, "{\"x\":2.0,\"note\":\"\"}", 8),
            new Call(
                "fits", StudentCode.SOLVER, StudentCode.METHOD, "{\"x\":2.0,\"note\":\"\"}", 9));

    SandboxRun run = sandbox.run(fixture.solution, calls, LIMITS);

    assertThat(statuses(run)).containsExactly(CallStatus.ANSWER_TOO_LARGE, CallStatus.RETURNED);
    assertThat(run.results().get(0).outputJson()).isNull();
    assertThat(run.results().get(0).message()).contains("more than 8 characters");
    assertThat(run.results().get(1).outputJson()).isEqualTo("{\"y\":4.0}");
    assertThat(run.restarts()).isZero();
  }

  @Test
  void systemExitEndsTheCallAsExitedAndTheNextCallStillRuns() {
    SandboxRun run = run("exit", "");

    assertThat(statuses(run)).containsExactly(CallStatus.EXITED, CallStatus.RETURNED);
    assertThat(run.results().get(0).message()).contains("exit status 3");
    assertThat(run.results().get(1).outputJson()).isEqualTo(square(1));
  }

  @Test
  void runtimeHaltEndsTheCallAsExitedAndTheNextCallStillRuns() {
    SandboxRun run = run("halt", "");

    assertThat(statuses(run)).containsExactly(CallStatus.EXITED, CallStatus.RETURNED);
    assertThat(run.results().get(0).message()).contains("exit status 4");
  }

  @Test
  void runningOutOfHeapIsOutOfMemoryAndTheNextCallStillRuns() {
    SandboxRun run = run("oom", "");

    assertThat(statuses(run)).containsExactly(CallStatus.OUT_OF_MEMORY, CallStatus.RETURNED);
    assertThat(run.results().get(0).message()).contains("OutOfMemoryError");
  }

  @Test
  void runningOutOfDirectMemoryIsOutOfMemoryToo() {
    SandboxRun run = run("directoom", "");

    assertThat(statuses(run)).containsExactly(CallStatus.OUT_OF_MEMORY, CallStatus.RETURNED);
    assertThat(run.results().get(0).message()).contains("OutOfMemoryError");
  }

  @Test
  void deepRecursionIsStackOverflowWithATrimmedTrace() {
    SandboxRun run = run("recurse", "");

    assertThat(statuses(run)).containsExactly(CallStatus.STACK_OVERFLOW, CallStatus.RETURNED);
    String message = run.results().get(0).message();
    assertThat(message)
        .startsWith("java.lang.StackOverflowError")
        .contains("at student.Solution.depth(")
        .contains("more frames of your code");
    assertThat(message.lines().count()).isLessThan(40);
  }

  @Test
  void aFloodOfPrintsIsStoppedAndCapped() {
    SandboxRun run = run("flood", "");

    assertThat(statuses(run)).containsExactly(CallStatus.OUTPUT_FLOOD, CallStatus.RETURNED);
    CallResult flood = run.results().get(0);
    assertThat(flood.stdout()).startsWith("spam spam");
    assertThat(flood.stdout().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(LIMITS.outputBytes());
  }

  @Test
  void aFloodWrittenStraightToTheFileDescriptorIsStoppedAndCapped() {
    SandboxRun run = run("rawflood", "");

    assertThat(statuses(run)).containsExactly(CallStatus.OUTPUT_FLOOD, CallStatus.RETURNED);
    CallResult flood = run.results().get(0);
    assertThat(flood.stdout()).startsWith("raw spam");
    assertThat(flood.stdout().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(LIMITS.outputBytes());
  }

  @Test
  void fakeProtocolLinesGarbageAndLongLinesDoNotChangeResults() {
    SandboxLimits roomy =
        new SandboxLimits(LIMITS.perTest(), LIMITS.total(), LIMITS.heapMegabytes(), 1024 * 1024);
    SandboxRun run = sandbox.run(fixture.solution, calls("fake", ""), roomy);

    assertThat(statuses(run)).containsExactly(CallStatus.RETURNED, CallStatus.RETURNED);
    assertThat(run.results())
        .extracting(CallResult::outputJson)
        .containsExactly(square(0), square(1));
    assertThat(run.restarts()).isZero();
    CallResult faker = run.results().get(0);
    assertThat(faker.stdout()).contains("RESULT 1 ").contains("\uFFFD").contains("xxxxxxxxxx");
    assertThat(run.results().get(1).stdout()).isEmpty();
  }

  @Test
  void aNonDaemonThreadAndAShutdownHookDoNotKeepTheChildAlive() {
    SandboxRun run = run("thread", "");

    assertThat(statuses(run)).containsExactly(CallStatus.RETURNED, CallStatus.RETURNED);
    assertThat(run.restarts()).isZero();
  }

  @Test
  void readingStandardInputSeesItsEndInsteadOfHanging() {
    CallResult result = run("stdin").results().get(0);

    assertThat(result.status()).isEqualTo(CallStatus.RETURNED);
    assertThat(result.outputJson()).isEqualTo("{\"y\":-2.0}");
  }

  @Test
  void referenceClassesCannotBeLoadedByName() {
    CallResult result = run("class:org.mlgrade.reference.Problem").results().get(0);

    assertThat(result.outputJson()).isEqualTo("{\"y\":0.0}");
  }

  @Test
  void theWholeSubmissionLimitStopsTheRunAndTheRestIsNotRun() {
    // The per-test limit is far beyond the total, so only the total limit can stop the loop. On
    // a loaded machine the child may not even reach its first call within the 4 s: that call is
    // then NOT_RUN rather than TIMED_OUT, for the same reason. Either way the next one never runs.
    SandboxLimits tight =
        new SandboxLimits(Duration.ofSeconds(90), Duration.ofSeconds(4), 64, 4096);
    SandboxRun run = sandbox.run(fixture.solution, calls("loop", ""), tight);

    assertThat(run.results()).hasSize(2);
    CallResult looping = run.results().get(0);
    assertThat(looping.status()).isIn(CallStatus.TIMED_OUT, CallStatus.NOT_RUN);
    // "of CPU time" where /proc lets the grader count it, wall time elsewhere.
    assertThat(looping.message()).contains("time limit of 4 s").contains("ran out");
    assertThat(run.results().get(1).status()).isEqualTo(CallStatus.NOT_RUN);
    assertThat(run.results().get(1).message())
        .contains("time limit of 4 s ran out before this test started");
  }

  @Test
  void aSubmissionWithoutAnImplementationSaysSo() {
    var dir =
        fixture.students(
            "none",
            Map.of(
                "student.Helper",
                "package student; public class Helper { public int two() { return 2; } }"));

    SandboxRun run = sandbox.run(dir, calls("", ""), LIMITS);

    assertThat(statuses(run)).containsOnly(CallStatus.NO_IMPLEMENTATION);
    assertThat(run.results().get(0).message()).contains(StudentCode.SOLVER);
  }

  @Test
  void twoImplementationsAreAmbiguousAndNamed() {
    var dir =
        fixture.students(
            "two",
            Map.of(
                "student.One", implementation("One", ""),
                "student.Two", implementation("Two", ""),
                "student.Base",
                    "package student; public abstract class Base implements "
                        + StudentCode.SOLVER
                        + " {}"));

    CallResult result = sandbox.run(dir, calls(""), LIMITS).results().get(0);

    assertThat(result.status()).isEqualTo(CallStatus.AMBIGUOUS_IMPLEMENTATION);
    assertThat(result.message())
        .contains("student.One")
        .contains("student.Two")
        .doesNotContain("student.Base");
  }

  @Test
  void aFailingStaticInitializerCannotBeInstantiatedAndSaysWhy() {
    var dir =
        fixture.students(
            "broken",
            Map.of(
                "student.Broken",
                implementation("Broken", "static int zero = 0; static int bad = 1 / zero;")));

    CallResult result = sandbox.run(dir, calls(""), LIMITS).results().get(0);

    assertThat(result.status()).isEqualTo(CallStatus.CANNOT_INSTANTIATE);
    assertThat(result.message())
        .contains("static initializer of student.Broken")
        .contains("java.lang.ArithmeticException: / by zero")
        .contains("at student.Broken.<clinit>(");
  }

  @Test
  void aClassWithoutAPublicNoArgumentConstructorCannotBeInstantiated() {
    var dir =
        fixture.students(
            "ctor", Map.of("student.Picky", implementation("Picky", "public Picky(int size) {}")));

    CallResult result = sandbox.run(dir, calls(""), LIMITS).results().get(0);

    assertThat(result.status()).isEqualTo(CallStatus.CANNOT_INSTANTIATE);
    assertThat(result.message()).contains("no public constructor without arguments");
  }

  @Test
  void theIsolationLevelInForceIsReported() {
    SandboxRun run = run("");

    assertThat(run.isolation())
        .isEqualTo(sandbox.isolation())
        .isEqualTo(IsolationProbe.strongestAvailable());
  }

  @Test
  void noCallsMeansNoChild() {
    SandboxRun run = sandbox.run(fixture.solution, List.of(), LIMITS);

    assertThat(run.results()).isEmpty();
    assertThat(run.restarts()).isZero();
  }

  private static String implementation(String name, String body) {
    return "package student; import org.mlgrade.api.testfake.Squarer;"
        + " public class "
        + name
        + " implements Squarer { "
        + body
        + " public Out square(In in) { return new Out(in.x() * in.x()); } }";
  }
}
