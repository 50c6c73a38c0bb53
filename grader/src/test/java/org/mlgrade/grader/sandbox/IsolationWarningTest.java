package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class IsolationWarningTest {

  @Test
  void bubblewrapNeedsNoWarning() {
    assertThat(IsolationWarning.text(IsolationLevel.BUBBLEWRAP)).isEmpty();
  }

  @Test
  void everyLevelBelowBubblewrapNamesItselfWhatItLosesAndTheInstallCommand() {
    assertThat(IsolationWarning.text(IsolationLevel.UNPRIVILEGED_USER)).get(
        InstanceOfAssertFactories.STRING)
        .contains("UNPRIVILEGED_USER").contains("network").contains("world-readable")
        .contains("/tmp").contains("sudo apt-get install bubblewrap");
    assertThat(IsolationWarning.text(IsolationLevel.PROCESS_ONLY)).get(
        InstanceOfAssertFactories.STRING)
        .contains("PROCESS_ONLY").contains("your own user").contains("network")
        .contains("sudo apt-get install bubblewrap");
  }
}
