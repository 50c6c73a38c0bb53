package org.mlgrade.grader.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two graders on one machine (two JVMs, as two {@code batch} shards of a SLURM array on one node)
 * never hand out the same uid while both hold it: otherwise one would kill the other's child when
 * it reaps its uid, and two students' code would share a uid.
 */
@Tag("e2e")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChildUidsTest {

  /** The other grader: takes a uid, prints it, holds it until its standard input ends. */
  public static void main(String[] args) throws Exception {
    int uid = ChildUids.acquire();
    System.out.println(uid);
    System.out.flush();
    System.in.read();
    ChildUids.release(uid);
  }

  @Test
  void aUidHeldByAnotherGraderIsNotHandedOut() throws Exception {
    assumeTrue(LaunchCommand.isRoot(), "uids are handed out only when the grader is root");
    Process other =
        new ProcessBuilder(
                LaunchCommand.java().toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ChildUidsTest.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try {
      String line =
          new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      int theirs = Integer.parseInt(line.trim());

      int ours = ChildUids.acquire();
      try {
        assertThat(ours).isNotEqualTo(theirs);
      } finally {
        ChildUids.release(ours);
      }
    } finally {
      other.getOutputStream().close();
      other.waitFor(30, TimeUnit.SECONDS);
      other.destroyForcibly();
    }
  }
}
