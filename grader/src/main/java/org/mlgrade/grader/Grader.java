package org.mlgrade.grader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.mlgrade.grader.io.Trees;
import org.mlgrade.grader.judge.GradingPlan;
import org.mlgrade.grader.judge.IsolationSummary;
import org.mlgrade.grader.judge.Judge;
import org.mlgrade.grader.judge.Result;
import org.mlgrade.grader.rubric.Limits;
import org.mlgrade.grader.rubric.Rubric;
import org.mlgrade.grader.rubric.Visibility;
import org.mlgrade.grader.sandbox.ChildAccess;
import org.mlgrade.grader.sandbox.ChildClasspath;
import org.mlgrade.grader.sandbox.Cleanup;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.IsolationNotes;
import org.mlgrade.grader.sandbox.IsolationRefusedException;
import org.mlgrade.grader.sandbox.ProcessSandbox;
import org.mlgrade.grader.sandbox.Sandbox;
import org.mlgrade.grader.sandbox.SandboxLimits;
import org.mlgrade.grader.sandbox.SandboxOptions;
import org.mlgrade.grader.sandbox.SandboxRun;
import org.mlgrade.grader.submission.CompiledSubmission;
import org.mlgrade.grader.submission.StaticRule;
import org.mlgrade.grader.submission.SubmissionCompiler;

/**
 * One path through the house: a submission is compiled, run in the sandbox on the plan's inputs and
 * judged against the plan's expected answers. A grader is reusable and thread-safe: a batch grades
 * many submissions with one plan, one warm compiler and one sandbox.
 */
public final class Grader implements AutoCloseable {

  private final Rubric rubric;
  private final CompletableFuture<GradingPlan> plan;
  private final SubmissionCompiler compiler;
  private final CompletableFuture<? extends Sandbox> sandbox;
  private final Path workRoot;
  private final AutoCloseable owned;

  /**
   * @param rubric the rubric
   * @param plan the rubric, ready to grade, once the reference has answered its tests
   * @param compiler compiles submissions against the student API
   * @param sandbox runs student code, once it is ready
   * @param workRoot where each submission gets a private work directory, removed after grading
   * @param owned what {@link #close()} releases
   */
  private Grader(
      Rubric rubric,
      CompletableFuture<GradingPlan> plan,
      SubmissionCompiler compiler,
      CompletableFuture<? extends Sandbox> sandbox,
      Path workRoot,
      AutoCloseable owned) {
    this.rubric = rubric;
    this.plan = plan;
    this.compiler = compiler;
    this.sandbox = sandbox;
    this.workRoot = workRoot;
    this.owned = owned;
  }

  /**
   * A grader for {@code rubric} with its own process sandbox (at the strongest isolation level that
   * works here unless {@code options} names one) and a compiler for the API the sandbox gives
   * student code. Close it to stop its compiler JVMs and remove its temporary files.
   *
   * <p>The sandbox (isolation probe, child class path) and the reference answers ({@link #plan})
   * are prepared in the background while the first submission compiles: on two cores that hides
   * most of their cost. Should the reference not answer a test of the rubric, {@link #plan} and
   * {@link #grade} throw the {@link IllegalArgumentException} that says so (a batch asks for the
   * plan before its first student). Should the isolation level asked for not work here, {@link
   * #grade} throws the {@link IllegalStateException} that says so; should the level in force not
   * keep the rubric's hidden tests, the grader's code or {@code options}' secrets from the child
   * ({@link SandboxOptions#refusal}), it throws an {@link IsolationRefusedException} that says what
   * to change. The rubric file is added to the secrets.
   */
  public static Grader open(Rubric rubric, SandboxOptions options) {
    return start(
            rubric.source() == null
                ? options
                : options.withSecrets(
                    List.of(new ChildAccess.Secret(rubric.source(), "the rubric"))))
        .open(rubric);
  }

  /**
   * Starts what grading needs before any rubric is read: a private work folder with the student
   * API's classes, a compiler JVM (which warms up in the background) and the sandbox (isolation
   * probe and start-up canary, in the background). A one-shot command starts it first and reads its
   * rubric meanwhile, then {@linkplain Start#open opens} the grader; on two cores that hides most
   * of the start-up. {@code options} must already name the rubric file among its secrets.
   *
   * @throws IllegalStateException when this Java runtime has no compiler (a JRE)
   */
  public static Start start(SandboxOptions options) {
    CompletableFuture<ProcessSandbox> sandbox =
        CompletableFuture.supplyAsync(() -> new ProcessSandbox(options));
    Path work = null;
    try {
      work = Cleanup.register(Files.createTempDirectory("mlgrade-work-"));
      return new Start(
          work,
          new SubmissionCompiler(ChildClasspath.materializeApi(work.resolve("api"))),
          sandbox);
    } catch (IOException | RuntimeException e) {
      closeWhenReady(sandbox);
      if (work != null) {
        Trees.deleteQuietly(work);
        Cleanup.release(work);
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /**
   * A grader's rubric-free part, started by {@link Grader#start}: open a grader from it, or close
   * it to stop its compiler JVM and remove its temporary files when no grader is opened.
   */
  public static final class Start implements AutoCloseable {

    private final Path work;
    private final SubmissionCompiler compiler;
    private final CompletableFuture<ProcessSandbox> sandbox;
    private boolean opened;

    private Start(
        Path work, SubmissionCompiler compiler, CompletableFuture<ProcessSandbox> sandbox) {
      this.work = work;
      this.compiler = compiler;
      this.sandbox = sandbox;
    }

    /**
     * The grader of {@code rubric}, which owns what this started from now on: close the grader, not
     * this. The reference answers are computed in the background (see {@link Grader#plan}).
     */
    public Grader open(Rubric rubric) {
      if (opened) {
        throw new IllegalStateException("a grader was already opened from this start");
      }
      opened = true;
      boolean hiddenTests =
          rubric.questions().stream()
              .flatMap(q -> q.tests().stream())
              .anyMatch(t -> t.visibility() != Visibility.VISIBLE);
      CompletableFuture<ProcessSandbox> checked =
          sandbox.thenApply(
              ready -> {
                Optional<String> refusal = ready.refusal(hiddenTests);
                if (refusal.isPresent()) {
                  ready.close();
                  throw new IsolationRefusedException(refusal.get());
                }
                return ready;
              });
      // The reference answers are computed on a thread of their own, while the sandbox is
      // prepared and a one-shot grade compiles its submission.
      CompletableFuture<GradingPlan> plan = new CompletableFuture<>();
      Thread planner =
          new Thread(
              () -> {
                try {
                  plan.complete(GradingPlan.of(rubric));
                } catch (Throwable e) {
                  plan.completeExceptionally(e);
                }
              },
              "mlgrade-plan");
      planner.setDaemon(true);
      planner.start();
      return new Grader(rubric, plan, compiler, checked, work, this::release);
    }

    /** Stops the compiler JVM and the sandbox and removes the work folder, unless opened. */
    @Override
    public void close() {
      if (!opened) {
        release();
      }
    }

    private void release() {
      compiler.close();
      closeWhenReady(sandbox);
      Trees.deleteQuietly(work);
      Cleanup.release(work);
    }
  }

  private static void closeWhenReady(CompletableFuture<ProcessSandbox> sandbox) {
    try {
      sandbox.join().close();
    } catch (CompletionException e) {
      // it never opened: nothing to close
    }
  }

  @Override
  public void close() {
    try {
      owned.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot clean up the grader's temporary files", e);
    }
  }

  /**
   * The isolation level student code will run at, once the sandbox is ready (it is prepared in the
   * background); completes exceptionally when the level asked for does not work here.
   */
  public CompletableFuture<IsolationLevel> isolation() {
    return sandbox.thenApply(
        s -> s instanceof ProcessSandbox p ? p.isolation() : IsolationLevel.PROCESS_ONLY);
  }

  /**
   * The plan this grader grades by, once the reference has answered every test of the rubric (it
   * does so in the background from {@link #open}).
   *
   * @throws IllegalArgumentException when the reference cannot answer one of the rubric's tests
   */
  public GradingPlan plan() {
    try {
      return plan.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * Grades the submission at {@code submission} (a directory or a .zip of Java sources). Whatever
   * the student's code does, the answer is a {@link Result}.
   *
   * @throws IllegalArgumentException when the reference cannot answer one of the rubric's tests
   */
  public Result grade(Path submission) {
    long start = System.nanoTime();
    Path work = null;
    try {
      // Never created again here: gone means the grader is being stopped (see Cleanup).
      work = Files.createTempDirectory(workRoot, "submission-");
      Set<String> rules = new TreeSet<>(rubric.forbidden());
      StaticRule.ALWAYS.forEach(rule -> rules.add(rule.id()));
      CompiledSubmission compiled = compiler.compile(submission, work, rules);
      GradingPlan plan = plan();
      SandboxRun run =
          rubric.voidOnStaticFinding() && !compiled.findings().isEmpty()
              ? SandboxRun.notRun(
                  plan.calls(),
                  levelInForce(),
                  "not run: the rubric voids a "
                      + "submission with a static-check finding, and "
                      + compiled.findings().get(0).file()
                      + ":"
                      + compiled.findings().get(0).line()
                      + " "
                      + compiled.findings().get(0).message())
              : sandbox().run(compiled.classesDir(), plan.calls(), sandboxLimits(rubric.limits()));
      return Judge.judge(
              plan, name(submission), compiled, run, Duration.ofNanos(System.nanoTime() - start))
          .withIsolation(IsolationSummary.of(run.isolation(), notes()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a work directory under " + workRoot, e);
    } finally {
      if (work != null) {
        Trees.deleteQuietly(work);
      }
    }
  }

  private IsolationLevel levelInForce() {
    return sandbox() instanceof ProcessSandbox process
        ? process.isolation()
        : IsolationLevel.PROCESS_ONLY;
  }

  private IsolationNotes notes() {
    return sandbox() instanceof ProcessSandbox process ? process.notes() : IsolationNotes.none();
  }

  /** The rubric's limits as the sandbox takes them: the sandbox knows nothing of rubrics. */
  public static SandboxLimits sandboxLimits(Limits limits) {
    return new SandboxLimits(
        limits.perTest(), limits.total(), limits.heapMegabytes(), limits.outputBytes());
  }

  private Sandbox sandbox() {
    try {
      return sandbox.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private static String name(Path submission) {
    Path file = submission.toAbsolutePath().normalize().getFileName();
    return file == null ? submission.toString() : file.toString();
  }
}
