package org.mlgrade.grader.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mlgrade.grader.io.Trees;

/**
 * What the grader must undo even when it is stopped ({@code SIGTERM}, {@code SIGINT}: the JVM runs
 * shutdown hooks for both): temporary folders still in use are deleted, and the children still
 * running, with everything left under their uids, are killed. Folders are registered when created
 * and unregistered once deleted in the normal way.
 */
public final class Cleanup {

  private static final Set<Path> ROOTS = ConcurrentHashMap.newKeySet();
  private static volatile boolean stopping;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::run, "mlgrade-cleanup"));
  }

  private Cleanup() {}

  /** Deletes {@code root} if the JVM is stopped before {@link #release} is called for it. */
  public static Path register(Path root) {
    ROOTS.add(root);
    return root;
  }

  /** Forgets {@code root}: it was (or is about to be) deleted in the normal way. */
  public static void release(Path root) {
    ROOTS.remove(root);
  }

  /**
   * Whether the grader is shutting down (a signal, or the end of {@code main}): failures from then
   * on are the shutdown's, not faults to report.
   */
  public static boolean stopping() {
    return stopping;
  }

  private static void run() {
    stopping = true;
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    ChildUids.reapTaken();
    // The grader's other threads run on while hooks do: one still preparing a folder may
    // create it again after a first delete, so delete until none is back (briefly). A grader
    // that ends normally has released every folder: it exits at once, without these rounds
    // (they cost every one-shot run 0.3 s of wall time).
    int quiet = 0;
    for (int round = 0; round < 30 && quiet < 3 && !ROOTS.isEmpty(); round++) {
      ROOTS.forEach(Trees::deleteQuietly);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
      quiet = ROOTS.stream().noneMatch(Files::exists) ? quiet + 1 : 0;
    }
  }
}
