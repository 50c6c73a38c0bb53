package org.mlgrade.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CaptureAndFailuresTest {

  @Test
  void captureKeepsTheFirstBytesAndReportsAFloodOncePerCall() {
    AtomicInteger floods = new AtomicInteger();
    Capture capture = new Capture(10, floods::incrementAndGet);
    PrintStream out = new PrintStream(capture, true, StandardCharsets.UTF_8);

    capture.begin();
    out.print("12345");
    out.print("6789abcdef");
    out.print("more");
    assertThat(capture.end()).isEqualTo("123456789a");
    assertThat(floods).hasValue(1);

    capture.begin();
    out.print("ok");
    assertThat(capture.end()).isEqualTo("ok");
    assertThat(floods).hasValue(1);
  }

  @Test
  void outputBetweenCallsIsDroppedWithoutAFlood() {
    AtomicInteger floods = new AtomicInteger();
    Capture capture = new Capture(4, floods::incrementAndGet);

    capture.write(new byte[100], 0, 100);
    capture.begin();

    assertThat(capture.end()).isEmpty();
    assertThat(floods).hasValue(0);
  }

  @Test
  void failuresShowOnlyTheStudentsFramesAndTheirCauses() {
    Exception cause = new ArithmeticException("/ by zero");
    cause.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("student.Net", "forward", "Net.java", 12),
        new StackTraceElement("java.lang.reflect.Method", "invoke", "Method.java", 1)});
    Exception thrown = new IllegalStateException("x".repeat(3000), cause);
    thrown.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("org.mlgrade.harness.Harness", "call", "Harness.java", 5)});

    String text = Failures.describe(thrown, Set.of("student.Net"));

    assertThat(text).startsWith("java.lang.IllegalStateException: xxx")
        .contains("(1000 more characters)")
        .contains("\nCaused by: java.lang.ArithmeticException: / by zero"
            + "\n\tat student.Net.forward(Net.java:12)")
        .doesNotContain("Harness").doesNotContain("reflect");
  }
}
