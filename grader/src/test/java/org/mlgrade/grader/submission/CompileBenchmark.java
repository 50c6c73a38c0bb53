package org.mlgrade.grader.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times a cold compile (the first, which starts the compiler JVM) against warm ones, for a
 * generated submission of ten files in three packages. Prints, never asserts. A main class, not a
 * test: run it in a fresh JVM with {@code grader/bench/run.sh} (optional argument: the number of
 * warm runs, default 20).
 */
final class CompileBenchmark {

  private CompileBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path root = Files.createTempDirectory("compile-benchmark");
    // The API is compiled by a javac process, so that no compiler class is loaded here before
    // the cold run.
    Path api = root.resolve("api");
    Files.createDirectories(api);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-d",
                api.toString()));
    Fixtures.sourcesUnder(Fixtures.resource("api")).forEach(p -> command.add(p.toString()));
    if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
      throw new IllegalStateException("javac failed: " + command);
    }
    System.out.println(run(root, api, args.length > 0 ? Integer.parseInt(args[0]) : 20));
  }

  /**
   * Compiles the generated submission against {@code api} {@code 1 + warmRuns} times, in the
   * compiler JVM, as a batch does: the first compile includes starting and warming the JVM.
   *
   * @return the timings as text: wall time and the CPU time of this JVM and its compiler JVM
   */
  static String run(Path root, Path api, int warmRuns) {
    Path submission = tenFileSubmission(root.resolve("submission"));
    long start = System.nanoTime();
    long cpu0 = treeCpuNanos();
    try (SubmissionCompiler compiler = new SubmissionCompiler(api)) {
      CompiledSubmission first =
          compiler.compile(submission, root.resolve("work-cold"), StaticRule.ids());
      long cold = System.nanoTime() - start;
      long coldCpu = treeCpuNanos() - cpu0;
      check(first);
      long[] warm = new long[warmRuns];
      long[] warmCpu = new long[warmRuns];
      for (int i = 0; i < warmRuns; i++) {
        long t = System.nanoTime();
        long c = treeCpuNanos();
        check(compiler.compile(submission, root.resolve("work-" + i), StaticRule.ids()));
        warm[i] = System.nanoTime() - t;
        warmCpu[i] = treeCpuNanos() - c;
      }
      Arrays.sort(warm);
      Arrays.sort(warmCpu);
      return String.format(
          "compile of a 10-file submission with all static rules, in the "
              + "compiler JVM: first (JVM start and warm-up included) %.0f ms wall, %.0f ms CPU; "
              + "warm (n=%d) median %.0f ms wall (min %.0f, max %.0f), median %.0f ms CPU of the "
              + "grader and compiler JVMs together",
          cold / 1e6,
          coldCpu / 1e6,
          warmRuns,
          warm[warmRuns / 2] / 1e6,
          warm[0] / 1e6,
          warm[warmRuns - 1] / 1e6,
          warmCpu[warmRuns / 2] / 1e6);
    }
  }

  /** CPU time of this JVM and its live child processes (the compiler JVMs). */
  private static long treeCpuNanos() {
    return Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().children())
        .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum();
  }

  private static void check(CompiledSubmission compiled) {
    if (!compiled.excluded().isEmpty() || !compiled.problems().isEmpty()) {
      throw new IllegalStateException("the benchmark submission did not compile: " + compiled);
    }
  }

  /** Ten classes in three packages that call each other, about 40 lines each. */
  static Path tenFileSubmission(Path dir) {
    try {
      for (int i = 0; i < 10; i++) {
        String pkg = "bench.p" + (i % 3);
        StringBuilder source =
            new StringBuilder(
                "package "
                    + pkg
                    + ";\n\n"
                    + "import java.util.ArrayList;\nimport java.util.List;\n\n"
                    + "public final class C"
                    + i
                    + " {\n");
        for (int m = 0; m < 8; m++) {
          source
              .append("  public static double m")
              .append(m)
              .append("(double[] xs) {\n")
              .append("    List<Double> out = new ArrayList<>();\n")
              .append("    for (double x : xs) {\n      out.add(Math.exp(x) * ")
              .append(m)
              .append(");\n    }\n")
              .append("    return out.stream().mapToDouble(Double::doubleValue).sum()");
          if (i > 0) {
            source
                .append(" + bench.p")
                .append((i - 1) % 3)
                .append(".C")
                .append(i - 1)
                .append(".m")
                .append(m)
                .append("(xs)");
          }
          source.append(";\n  }\n\n");
        }
        source.append("}\n");
        Path file = dir.resolve("p" + (i % 3)).resolve("C" + i + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
