package org.mlgrade.grader.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.Grader;
import org.mlgrade.grader.judge.Outcome;
import org.mlgrade.grader.judge.QuestionResult;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.judge.TestResult;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.RubricException;
import org.mlgrade.grader.rubric.RubricLoader;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.SandboxOptions;
import org.mlgrade.reference.ProblemRegistry;

/**
 * The adversarial suite: every hostile case of {@code src/test/resources/adversarial/cases} is
 * graded, one after another, by ONE grader (one process, one sandbox), with the correct control
 * submission graded first, between every few cases and last. Each case does its hostile act in the
 * {@code shapes} tests only and answers the {@code costs} tests correctly, so that "graded" versus
 * "contained" shows in the score, and a case that hurt anything beyond its own tests shows in the
 * control's results, the marker files and the process table.
 */
@Tag("e2e")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdversarialSuiteTest {

  /** What a case must get: its shapes score, the shapes outcomes allowed, and if only at BWRAP. */
  private record Expected(double shapesScore, Set<Outcome> shapesOutcomes, boolean leakCheck) {
    static Expected graded() {
      return new Expected(2, Set.of(Outcome.PASSED), false);
    }

    static Expected noLeak() {
      return new Expected(2, Set.of(Outcome.PASSED), true);
    }

    static Expected lost(Outcome... outcomes) {
      return new Expected(0, Set.of(outcomes), false);
    }
  }

  private static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("annotation-processor", Expected.graded());
    EXPECTED.put("binary-output", Expected.graded());
    EXPECTED.put("block-stdin", Expected.graded());
    EXPECTED.put("classpath-resources", Expected.graded());
    EXPECTED.put("control", Expected.graded());
    EXPECTED.put("deep-recursion", Expected.lost(Outcome.STACK_OVERFLOW));
    // Running out of memory is allocation work that a loaded machine may not finish within the
    // rubric's 2 s per test: the test then times out instead. Either way the act is contained
    // (its points lost, the control intact); that an OutOfMemoryError is named as such is
    // checked by ProcessSandboxTest, under a time limit no machine reaches.
    EXPECTED.put("direct-oom", Expected.lost(Outcome.OUT_OF_MEMORY, Outcome.TIMED_OUT));
    EXPECTED.put("escapee", Expected.graded());
    EXPECTED.put("exit-mid-test", Expected.lost(Outcome.EXITED));
    EXPECTED.put("fake-output", Expected.lost(Outcome.WRONG_ANSWER));
    EXPECTED.put("fill-disk", Expected.noLeak());
    EXPECTED.put("fill-shm", Expected.noLeak());
    EXPECTED.put("halt-mid-test", Expected.lost(Outcome.EXITED));
    EXPECTED.put("harness-named-classes", Expected.graded());
    EXPECTED.put("heap-oom", Expected.lost(Outcome.OUT_OF_MEMORY, Outcome.TIMED_OUT));
    EXPECTED.put(
        "hold-back-protocol", new Expected(1, Set.of(Outcome.PASSED, Outcome.TIMED_OUT), false));
    EXPECTED.put("huge-exception", Expected.lost(Outcome.THREW));
    EXPECTED.put("keeps-jvm-alive", Expected.graded());
    EXPECTED.put("many-files", Expected.graded());
    EXPECTED.put("native-memory", Expected.lost(Outcome.OUT_OF_MEMORY));
    EXPECTED.put("network", Expected.noLeak());
    EXPECTED.put(
        "plant-request-link", new Expected(1, Set.of(Outcome.EXITED, Outcome.PASSED), false));
    EXPECTED.put("proc-self", Expected.noLeak());
    EXPECTED.put(
        "process-bomb",
        new Expected(
            -1,
            Set.of(Outcome.PASSED, Outcome.TIMED_OUT, Outcome.THREW, Outcome.OUT_OF_MEMORY),
            false));
    EXPECTED.put("read-secrets-by-path", Expected.noLeak());
    EXPECTED.put("reference-from-parent", Expected.lost(Outcome.WRONG_ANSWER));
    EXPECTED.put(
        "reflect-harness",
        Expected.lost(Outcome.WRONG_ANSWER, Outcome.EXITED, Outcome.UNREADABLE_ANSWER));
    EXPECTED.put("sleep-forever", Expected.lost(Outcome.TIMED_OUT));
    EXPECTED.put("spawn-process", Expected.graded());
    EXPECTED.put("static-init-loop", Expected.lost(Outcome.TIMED_OUT));
    EXPECTED.put("static-state", Expected.graded());
    EXPECTED.put("symlink-and-fifo", Expected.graded());
    EXPECTED.put(
        "thread-bomb", Expected.lost(Outcome.OUT_OF_MEMORY, Outcome.THREW, Outcome.TIMED_OUT));
    EXPECTED.put("walk-root", Expected.noLeak());
    EXPECTED.put("write-outside", Expected.graded());
  }

  /** Cases whose act is reading or reaching something: nothing found is the safe outcome. */
  private static final Set<String> LEAK_CASES =
      Set.of(
          "read-secrets-by-path",
          "walk-root",
          "proc-self",
          "classpath-resources",
          "network",
          "symlink-and-fifo");

  private static final Pattern WROTE = Pattern.compile("WROTE (\\S+) (\\d+)");

  /** One graded case and what was observed around it. */
  private record Graded(
      String name,
      Result result,
      List<Path> writtenOutside,
      boolean victimIntact,
      List<String> survivors,
      long nonDaemonThreads) {}

  private HostileSubmissions subs;
  private ServerSocket listener;
  private final AtomicInteger connections = new AtomicInteger();
  private IsolationLevel level;
  private final List<Graded> graded = new ArrayList<>();
  private final List<Result> controls = new ArrayList<>();
  private long nonDaemonBefore;

  @BeforeAll
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void gradeEveryCaseInOneGrader(@TempDir Path temp) throws IOException, RubricException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accepter = new Thread(this::accept, "adversarial-listener");
    accepter.setDaemon(true);
    accepter.start();
    subs =
        new HostileSubmissions(
            Files.createDirectories(temp.resolve("submissions")), listener.getLocalPort());
    assertThat(subs.caseNames()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    Rubric rubric = new RubricLoader(ProblemRegistry.standard()).load(HostileSubmissions.rubric());
    Path control = subs.build("control");
    nonDaemonBefore = nonDaemonThreads();
    long start = System.nanoTime();
    try (Grader grader = Grader.open(rubric, SandboxOptions.defaults())) {
      controls.add(grader.grade(control));
      int n = 0;
      for (String name : EXPECTED.keySet()) {
        if (name.equals("control")) {
          continue;
        }
        Path submission = subs.build(name);
        if (name.equals("symlink-and-fifo")) {
          plantLinksAndFifo(submission);
        }
        subs.snapshotShared();
        Result result = grader.grade(submission);
        List<ProcessHandle> survivors = subs.survivors();
        graded.add(
            new Graded(
                name,
                result,
                subs.writtenOutside(),
                subs.victimIntact(),
                survivors.stream()
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                    .toList(),
                nonDaemonThreads()));
        survivors.forEach(ProcessHandle::destroyForcibly);
        graded.get(graded.size() - 1).writtenOutside().forEach(HostileSubmissions::delete);
        if (++n % 6 == 0) {
          controls.add(grader.grade(control));
        }
      }
      controls.add(grader.grade(control));
      level = IsolationLevel.valueOf(controls.get(0).isolation().name());
    }
    printTable((System.nanoTime() - start) / 1e9);
  }

  @AfterAll
  void cleanUp() throws IOException {
    if (subs != null) {
      subs.close();
    }
    if (listener != null) {
      listener.close();
    }
  }

  @Test
  void controlGetsFullMarksEveryTimeItIsGraded() {
    assertThat(controls).hasSizeGreaterThanOrEqualTo(5);
    for (Result control : controls) {
      assertThat(control.score()).as("control score").isEqualTo(4.0);
      assertThat(summary(control)).isEqualTo(summary(controls.get(0)));
    }
  }

  @Test
  void everyCaseGetsItsSafeOutcomeAndLosesOnlyTheTestsOfItsAct() {
    for (Graded g : graded) {
      Expected expected = EXPECTED.get(g.name());
      QuestionResult shapes = question(g.result(), "shapes");
      QuestionResult costs = question(g.result(), "costs");
      assertThat(costs.tests())
          .as(g.name() + ": costs tests, which it answers right")
          .allSatisfy(
              t ->
                  assertThat(t.outcome())
                      .as(g.name() + " " + t.name() + ": " + t.message())
                      .isEqualTo(Outcome.PASSED));
      assertThat(shapes.tests())
          .as(g.name() + ": shapes tests")
          .allSatisfy(
              t ->
                  assertThat(expected.shapesOutcomes())
                      .as(g.name() + " " + t.name() + " (" + t.message() + ")")
                      .contains(t.outcome()));
      if (expected.shapesScore() >= 0
          && (!LEAK_CASES.contains(g.name()) || level == IsolationLevel.BUBBLEWRAP)) {
        assertThat(shapes.score())
            .as(g.name() + ": shapes score")
            .isEqualTo(expected.shapesScore());
      }
      assertThat(g.result().isolation().name())
          .as(g.name() + ": isolation level reported")
          .isEqualTo(level.name());
    }
  }

  @Test
  void nothingIsWrittenOutsideAndNoSpawnedProcessSurvives() {
    for (Graded g : graded) {
      assertThat(g.writtenOutside()).as(g.name() + ": files written outside").isEmpty();
      assertThat(g.victimIntact()).as(g.name() + ": the victim file is untouched").isTrue();
      assertThat(g.survivors()).as(g.name() + ": processes left behind").isEmpty();
    }
  }

  @Test
  void theGradersOwnJvmKeepsNoThreadOfTheCases() {
    for (Graded g : graded) {
      assertThat(g.nonDaemonThreads())
          .as(g.name() + ": non-daemon threads in the grader")
          .isLessThanOrEqualTo(nonDaemonBefore);
    }
  }

  @Test
  void underBubblewrapNothingSecretIsFoundAndTheDiskIsBounded() {
    assumeTrue(
        level == IsolationLevel.BUBBLEWRAP,
        "leak checks need bubblewrap; this machine runs " + level);
    for (Graded g : graded) {
      String stdout = stdout(g.result());
      assertThat(stdout).as(g.name() + ": what it found").doesNotContain("LEAK");
      Matcher wrote = WROTE.matcher(stdout);
      while (wrote.find()) {
        assertThat(Long.parseLong(wrote.group(2)))
            .as(g.name() + " wrote to " + wrote.group(1))
            .isLessThanOrEqualTo(64L << 20);
      }
    }
    assertThat(connections.get()).as("connections to the grader host's loopback").isZero();
  }

  @Test
  void aSymlinkOrFifoInTheSubmissionIsNotRead() {
    Result result =
        graded.stream()
            .filter(g -> g.name().equals("symlink-and-fifo"))
            .findFirst()
            .orElseThrow()
            .result();
    assertThat(result.compiled().sources())
        .as("sources compiled")
        .noneMatch(
            s ->
                s.contains("Stolen")
                    || s.contains("Pipe")
                    || s.contains("linked")
                    || s.contains("Passwd"));
    assertThat(result.score()).isEqualTo(4.0);
  }

  @Test
  void holdingProtocolLinesBackDoesNotStopTheClock() {
    Result result =
        graded.stream()
            .filter(g -> g.name().equals("hold-back-protocol"))
            .findFirst()
            .orElseThrow()
            .result();
    List<TestResult> shapes = question(result, "shapes").tests();
    // The trick ran in the first test (else this proves nothing), the slow second test timed out.
    assertThat(shapes.get(0).stdout()).contains("HELD the channel's stream");
    assertThat(shapes.get(0).outcome()).isEqualTo(Outcome.PASSED);
    assertThat(shapes.get(1).outcome()).as(shapes.get(1).message()).isEqualTo(Outcome.TIMED_OUT);
  }

  @Test
  void aHugeExceptionMessageIsCapped() {
    Result result =
        graded.stream()
            .filter(g -> g.name().equals("huge-exception"))
            .findFirst()
            .orElseThrow()
            .result();
    for (TestResult test : question(result, "shapes").tests()) {
      assertThat(test.message().length()).isLessThan(20_000);
    }
  }

  private void plantLinksAndFifo(Path submission) throws IOException {
    Path adv = submission.resolve("adv");
    Files.createSymbolicLink(
        adv.resolve("Stolen.java"), subs.secretDir.resolve("other-student/adv/Solution.java"));
    Files.createSymbolicLink(submission.resolve("linked"), subs.secretDir.resolve("other-student"));
    Files.createSymbolicLink(adv.resolve("Passwd.java"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(
        adv.resolve("Rubric.java"), subs.repo.resolve("rubrics/hw1-cnn-arithmetic.yaml"));
    try {
      Process mkfifo = new ProcessBuilder("mkfifo", adv.resolve("Pipe.java").toString()).start();
      assertThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0)
          .as("mkfifo")
          .isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void printTable(double seconds) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            "%nAdversarial suite: %d cases + %d controls in %.1f s, one grader%n",
            graded.size(), controls.size(), seconds));
    table.append(
        String.format(
            "%-22s | %-9s | %-32s | %-7s | %-10s | %s%n",
            "case",
            "category",
            "shapes outcomes (costs passed)",
            "score",
            "isolation",
            "what the case saw"));
    List<Graded> rows = new ArrayList<>(graded);
    rows.add(
        0,
        new Graded(
            "control (x" + controls.size() + ")", controls.get(0), List.of(), true, List.of(), 0));
    for (Graded g : rows) {
      Result r = g.result();
      String shapes =
          question(r, "shapes").tests().stream()
              .map(t -> t.outcome().name())
              .collect(Collectors.joining(", "));
      if (!question(r, "costs").tests().stream().allMatch(TestResult::passed)) {
        shapes +=
            "; COSTS: "
                + question(r, "costs").tests().stream()
                    .map(t -> t.outcome().name())
                    .collect(Collectors.joining(", "));
      }
      table.append(
          String.format(
              "%-22s | %-9s | %-32s | %-7s | %-10s | %s%n",
              g.name(),
              category(r),
              shapes,
              r.score() + "/" + r.maxScore(),
              r.isolation().name(),
              note(r)));
    }
    System.out.println(table);
  }

  /** The first lines a case printed about what it managed, or a leak it found. */
  private static String note(Result result) {
    return stdout(result)
        .lines()
        .filter(
            line ->
                line.matches(
                    "(LEAK|TOKEN-READ|WROTE|spawn stopped|open stopped|"
                        + "token not found|stdin gave|wrote |reflection refused|walked|cannot plant|planted|"
                        + "FORGED).*"))
        .distinct()
        .limit(3)
        .map(line -> line.length() > 70 ? line.substring(0, 70) : line)
        .collect(Collectors.joining("; "));
  }

  /** Graded (every test returned), timed out, contained (stopped otherwise) or rejected. */
  private static String category(Result result) {
    List<Outcome> outcomes =
        result.questions().stream()
            .flatMap(q -> q.tests().stream())
            .map(TestResult::outcome)
            .toList();
    if (outcomes.stream()
        .allMatch(
            o ->
                o == Outcome.NO_IMPLEMENTATION
                    || o == Outcome.CANNOT_INSTANTIATE
                    || o == Outcome.AMBIGUOUS_IMPLEMENTATION)) {
      return "rejected";
    }
    if (outcomes.contains(Outcome.TIMED_OUT)) {
      return "timed out";
    }
    if (outcomes.stream().allMatch(o -> o == Outcome.PASSED || o == Outcome.WRONG_ANSWER)) {
      return "graded";
    }
    return "contained";
  }

  private static QuestionResult question(Result result, String id) {
    return result.questions().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
  }

  private static String stdout(Result result) {
    return result.questions().stream()
        .flatMap(q -> q.tests().stream())
        .map(TestResult::stdout)
        .collect(Collectors.joining("\n"));
  }

  /** Outcome, score and message of every test: what must not change between controls. */
  private static List<String> summary(Result result) {
    return result.questions().stream()
        .flatMap(q -> q.tests().stream())
        .map(t -> t.name() + " " + t.outcome() + " " + t.score() + " " + t.message())
        .toList();
  }

  private static long nonDaemonThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.isDaemon())
        .count();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try (Socket socket = listener.accept()) {
        connections.incrementAndGet();
      } catch (IOException e) {
        return;
      }
    }
  }

  static {
    // Fail fast and clearly if the resources are not where the suite expects them.
    if (AdversarialSuiteTest.class.getClassLoader().getResource("adversarial/rubric.yaml")
        == null) {
      throw new UncheckedIOException(
          new IOException("adversarial/rubric.yaml is not on the " + "test class path"));
    }
  }
}
