package org.mlgrade.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.grader.sandbox.IsolationLevel;
import org.mlgrade.grader.sandbox.IsolationWarning;

/** {@code grade} below bubblewrap says so when it starts and again after the results. */
@Tag("e2e")
class GradeWarnsBelowBubblewrapTest {

  @Test
  @Timeout(300)
  void gradeAtProcessOnlyWarnsAtStartAndEnd(@TempDir Path out) {
    Cli cli = new Cli();

    // The rubric has hidden tests, which PROCESS_ONLY refuses unless the operator allows it.
    int status =
        cli.run(
            "grade",
            "--isolation",
            "PROCESS_ONLY",
            "--allow-weak-isolation",
            "--rubric",
            "../rubrics/hw4-naive-bayes.yaml",
            "../submissions-sample/correct",
            "--out",
            out.toString());

    assertThat(status).as(cli.err()).isZero();
    String warning = IsolationWarning.text(IsolationLevel.PROCESS_ONLY).orElseThrow();
    assertThat(cli.err()).contains("sudo apt-get install bubblewrap");
    // Once when the level is known, once after the results.
    assertThat(cli.err().split(Pattern.quote(warning), -1)).hasSize(3);
    assertThat(cli.out()).contains("total");
  }
}
