package org.mlgrade.grader.sandbox;

import java.util.Optional;

/**
 * What an operator must be told when student code runs below {@link IsolationLevel#BUBBLEWRAP}:
 * the level in force, what it does not protect, and the one command that installs bubblewrap.
 * Every front door that runs student code prints it when it starts and again in its summary.
 */
public final class IsolationWarning {

  /** The command that installs bubblewrap on Debian and Ubuntu. */
  public static final String INSTALL = "sudo apt-get install bubblewrap";

  private IsolationWarning() {}

  /**
   * The warning for {@code level}, one paragraph for a terminal; empty at {@link
   * IsolationLevel#BUBBLEWRAP}.
   */
  public static Optional<String> text(IsolationLevel level) {
    String lost = switch (level) {
      case BUBBLEWRAP -> null;
      case UNPRIVILEGED_USER -> "student code runs as uid 65534 without namespaces: it can use "
          + "the network, read every world-readable file of this machine (the grader's jar with "
          + "its reference answers, rubrics, other students' submissions unless you chmod -R o= "
          + "them) and write to /tmp, /var/tmp and /dev/shm";
      case PROCESS_ONLY -> "student code runs as your own user: it can read and change "
          + "everything you can (rubrics, the reference answers in the grader's jar, other "
          + "students' submissions and results), use the network and start processes that "
          + "outlive grading; use this level only for a student's check of their own work";
    };
    if (lost == null) {
      return Optional.empty();
    }
    return Optional.of("mlgrade: WARNING: isolation level " + level + ", not BUBBLEWRAP: "
        + lost + ". To isolate student code, install bubblewrap (on Debian/Ubuntu: " + INSTALL
        + ") and run mlgrade as root, on a machine or container that allows user namespaces.");
  }
}
