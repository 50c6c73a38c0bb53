package org.mlgrade.grader.sandbox;

/** How strongly the child JVM was kept apart from the host; reported with every result. */
public enum IsolationLevel {
  /** bubblewrap namespaces and an unprivileged uid: no network, only the child's own files. */
  BUBBLEWRAP,
  /** A separate process as an unprivileged uid, without namespaces. */
  UNPRIVILEGED_USER,
  /** A separate process as the grader's own user: the host's files are within reach. */
  PROCESS_ONLY
}
