package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mlgrade.grader.io.Trees;

/**
 * The compiled fake API and test solution, shared by the sandbox's tests, and shorthands for
 * calls and sandboxes.
 */
final class SandboxFixture implements AutoCloseable {

  /**
   * For calls that end by themselves (return, throw, run out of memory, flood, exit): time
   * limits no slow or loaded machine reaches, so that only the behaviour decides the status.
   */
  static final SandboxLimits LIMITS =
      new SandboxLimits(Duration.ofSeconds(30), Duration.ofSeconds(120), 64, 4096);

  /** For calls that loop on purpose: a per-test limit short enough to wait for. */
  static final SandboxLimits LOOP_LIMITS =
      new SandboxLimits(Duration.ofSeconds(3), Duration.ofSeconds(120), 64, 4096);

  final Path root;
  final ChildClasspath classpath;
  final Path fakeApi;
  final Path solution;

  SandboxFixture() {
    try {
      root = Files.createTempDirectory("mlgrade-sandbox-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    classpath = ChildClasspath.materialize(root.resolve("classpath"));
    fakeApi = StudentCode.compileFakeApi(root.resolve("fake-api"), classpath);
    solution = students("solution", Map.of("student.Solution", StudentCode.SOLUTION));
  }

  /** Compiles a submission of its own into a new directory. */
  Path students(String name, Map<String, String> sources) {
    return StudentCode.compile(sources, root.resolve(name), List.of(classpath.api(), fakeApi));
  }

  /** A sandbox at {@code level} (null: the strongest available) that sees the fake API. */
  ProcessSandbox sandbox(IsolationLevel level) {
    SandboxOptions options = SandboxOptions.defaults().withExtraClasspath(List.of(fakeApi));
    return new ProcessSandbox(level == null ? options : options.withIsolation(level));
  }

  /** One call per note, keyed {@code c0, c1, ...}, squaring {@code x = index + 2}. */
  static List<Call> calls(String... notes) {
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < notes.length; i++) {
      calls.add(new Call("c" + i, StudentCode.SOLVER, StudentCode.METHOD,
          "{\"x\":" + (i + 2) + ".0,\"note\":\"" + notes[i] + "\"}"));
    }
    return calls;
  }

  /** The JSON the solution returns for call {@code index} when it behaves. */
  static String square(int index) {
    double x = index + 2;
    return "{\"y\":" + (x * x) + "}";
  }

  @Override
  public void close() {
    Trees.deleteQuietly(root);
  }
}
