package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code validate} warns about: limits no homework means, requests a child cannot take. */
class SandboxFitTest {

  /** The rubric defaults ({@code Limits.DEFAULT}): 5 s per test, 60 s in all, 256 MiB, 64 KiB. */
  private static final SandboxLimits DEFAULT =
      new SandboxLimits(Duration.ofSeconds(5), Duration.ofSeconds(60), 256, 64 * 1024);

  @Test
  void sensibleLimitsAndSmallInputsFit() {
    assertThat(SandboxFit.warnings(DEFAULT, List.of(call("{\"x\":1}")))).isEmpty();
  }

  @Test
  void absurdLimitsAreWarnedAbout() {
    SandboxLimits absurd =
        new SandboxLimits(Duration.ofDays(1), Duration.ofDays(1), 2_000_000_000, 65536);

    assertThat(SandboxFit.warnings(absurd, List.of())).hasSize(3)
        .anyMatch(w -> w.startsWith("heap_mb 2000000000 is more than 16384 MiB"))
        .anyMatch(w -> w.startsWith("per_test_seconds 86400 is more than 600 s"))
        .anyMatch(w -> w.startsWith("total_seconds 86400 is more than 3600 s"));
  }

  @Test
  void inputsBeyondAChildsSixtyFourMebibytesAreWarnedAbout() {
    // 70 inputs of 1 MiB each: 70 MiB > 64 MiB, counted by hand.
    String megabyte = "\"" + "1".repeat((1 << 20) - 2) + "\"";
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      calls.add(call(megabyte));
    }

    assertThat(SandboxFit.warnings(DEFAULT, calls)).singleElement().asString()
        .startsWith("the tests' inputs take 70 MiB, more than the 64 MiB");
    assertThat(SandboxFit.warnings(DEFAULT, calls.subList(0, 60))).isEmpty();
  }

  private static Call call(String json) {
    return new Call("k", "org.mlgrade.api.X", "m", json);
  }
}
