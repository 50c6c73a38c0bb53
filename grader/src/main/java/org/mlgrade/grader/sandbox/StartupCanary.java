package org.mlgrade.grader.sandbox;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Proves, once per sandbox, that the isolation level in force holds: a tiny child ({@code
 * org.mlgrade.harness.Canary}, one JVM start through the level's launch chain) tries to read the
 * rubric, the grader's code and the other secrets, the grader's {@code /proc/<pid>/environ}, and to
 * connect to a socket the grader listens on. What the level promises and the canary still managed
 * is a broken promise: every level but {@code PROCESS_ONLY} promises that the reads fail, and
 * {@code BUBBLEWRAP} also that there is no network.
 */
final class StartupCanary {

  /**
   * What the canary found.
   *
   * @param attempts each attempt, in words, and its outcome ({@code SUCCEEDED} or {@code denied:
   *     ...})
   * @param broken the attempts that succeeded although the level promises they fail
   */
  record Outcome(Map<String, String> attempts, List<String> broken) {}

  static final String SUCCEEDED = "SUCCEEDED";
  private static final long CANARY_SECONDS = 60;

  private StartupCanary() {}

  /** Runs the canary at {@code level} with the harness classes of {@code harness}. */
  static Outcome run(IsolationLevel level, Path harness, List<ChildAccess.Secret> secrets) {
    Map<String, String> described = new LinkedHashMap<>();
    for (ChildAccess.Secret secret : secrets) {
      if (!Files.exists(secret.path())) {
        continue; // nothing there to protect (an output folder not made yet, a bundled rubric)
      }
      described.put(
          "read:" + secret.path().toAbsolutePath(),
          "read " + secret.what() + " " + secret.path().toAbsolutePath());
    }
    String environ = "/proc/" + ProcessHandle.current().pid() + "/environ";
    described.put("read:" + environ, "read the grader's environment " + environ);
    Map<String, String> attempts = new LinkedHashMap<>();
    int uid =
        level != IsolationLevel.PROCESS_ONLY && LaunchCommand.isRoot() ? ChildUids.acquire() : -1;
    try (ServerSocket listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
      described.put("connect:" + listener.getLocalPort(), "connect to the grader host's loopback");
      boolean bubblewrap = level == IsolationLevel.BUBBLEWRAP;
      Path childHarness = bubblewrap ? Path.of("/mlgrade/harness.jar") : harness;
      List<String> java =
          new ArrayList<>(
              List.of(
                  "-Xmx32m",
                  "-XX:+UseSerialGC",
                  "-XX:-UsePerfData",
                  "-Xshare:auto",
                  "-cp",
                  childHarness.toString(),
                  "org.mlgrade.harness.Canary"));
      java.addAll(described.keySet());
      List<String> command =
          LaunchCommand.build(
              level,
              uid,
              List.of(new Bind(harness, childHarness, false)),
              Path.of("/"),
              null,
              30,
              java);
      Process process =
          new ProcessBuilder(command)
              .directory(new File("/"))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(CANARY_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (String line : output.split("\n")) {
        int tab = line.indexOf('\t');
        if (tab > 0 && described.containsKey(line.substring(0, tab))) {
          attempts.put(described.get(line.substring(0, tab)), line.substring(tab + 1));
        }
      }
    } catch (IOException e) {
      attempts.put("start the canary", "failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      attempts.put("start the canary", "interrupted");
    } finally {
      if (uid >= 0) {
        ChildUids.reap(uid);
        ChildUids.release(uid);
      }
    }
    for (String what : described.values()) {
      attempts.putIfAbsent(what, "not tried: the canary did not report it");
    }
    if (level != IsolationLevel.BUBBLEWRAP) {
      attempts.put("Landlock", Landlock.describe());
    }
    List<String> broken = new ArrayList<>();
    for (Map.Entry<String, String> attempt : attempts.entrySet()) {
      if (!SUCCEEDED.equals(attempt.getValue()) || level == IsolationLevel.PROCESS_ONLY) {
        continue;
      }
      if (attempt.getKey().startsWith("read ") || level == IsolationLevel.BUBBLEWRAP) {
        broken.add("the canary could " + attempt.getKey() + " at " + level);
      }
    }
    return new Outcome(attempts, broken);
  }
}
