package org.mlgrade.grader.sandbox;

/**
 * Measures, and prints, what the grader's own per-call clock costs: one reading of a JVM's CPU
 * time from {@code /proc/<pid>/stat}, which the grader takes once per call (when the previous
 * call's report arrives) and while a long call runs. Run with {@code main}; asserts nothing.
 */
final class ChildClockBenchmark {

  private ChildClockBenchmark() {}

  public static void main(String[] args) {
    ChildClock clock = ChildClock.ofPid(ProcessHandle.current().pid());
    System.out.println("measures CPU time: " + clock.measuresCpu());
    int rounds = 20_000;
    long sink = 0;
    for (int warm = 0; warm < 2; warm++) {
      long start = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        sink += clock.nanos();
      }
      double micros = (System.nanoTime() - start) / 1e3 / rounds;
      System.out.printf("%s: %.1f µs per reading over %d readings%n",
          warm == 0 ? "cold" : "warm", micros, rounds);
    }
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      sink += ChildClock.ofPid(ProcessHandle.current().pid()).nanos();
    }
    System.out.printf("finding the clock: %.2f ms each (once per child)%n",
        (System.nanoTime() - start) / 1e6 / 20);
    System.out.println(sink == 42 ? "" : "done");
  }
}
