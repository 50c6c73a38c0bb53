package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A control group of one child, where the machine lets the grader make one: its memory (anonymous
 * and native memory, {@code Unsafe.allocateMemory}, tmpfs files such as {@code /dev/shm}, every
 * process of the child's, including those that escaped its process tree) is capped by the kernel at
 * {@link MemoryWatchdog#limitFor} of the rubric's heap, and its tasks (processes and threads) at
 * {@link #PIDS_MAX}. Over the memory limit the kernel's OOM killer ends the child, which is then
 * scored "used too much memory" ({@link #oomKilled}).
 *
 * <p>Used when a writable hierarchy exists: cgroup v2 (the grader's own cgroup with {@code memory}
 * and {@code pids} enabled for its children, as where the grader was started in a delegated cgroup)
 * or cgroup v1 ({@code memory} and {@code pids} hierarchies, as on a root shell of a development
 * machine). Gradescope's Docker mounts cgroups read-only: there, and wherever no such hierarchy is
 * writable, the {@link MemoryWatchdog}'s {@code VmRSS} polling alone bounds memory.
 *
 * <p>The child joins before it runs anything: {@link #wrap} starts the launch command through
 * {@code /bin/sh}, which writes its own pid into the cgroups and then {@code exec}s the command
 * (same pid). Writing the pid after {@code ProcessBuilder.start} would race with bubblewrap, which
 * forks the sandboxed JVM within milliseconds: a process forked before its parent joined stays
 * outside.
 */
final class ChildCgroup implements AutoCloseable {

  /** Tasks (processes and threads) one child may have: the JVM's own are about 20. */
  static final int PIDS_MAX = 1024;

  private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
  private static final Path SELF = Path.of("/proc/self/cgroup");
  private static final AtomicLong COUNTER = new AtomicLong();
  private static final Optional<Hierarchy> HIERARCHY = Hierarchy.find();

  private final Hierarchy hierarchy;
  private final List<Path> dirs;

  private ChildCgroup(Hierarchy hierarchy, List<Path> dirs) {
    this.hierarchy = hierarchy;
    this.dirs = dirs;
  }

  /**
   * Where the grader makes children's cgroups, as words for the isolation notes: what bounds a
   * child's memory here.
   */
  static String inForce() {
    return HIERARCHY
        .map(
            h ->
                "cgroup "
                    + h.describe()
                    + ": each child's memory (native and "
                    + "tmpfs included) is capped by the kernel at 2 x heap + 256 MiB, its tasks at "
                    + PIDS_MAX)
        .orElse(
            "RSS watchdog (no writable cgroup here): each child's resident "
                + "memory is read every "
                + MemoryWatchdog.PERIOD_MILLIS
                + " ms and the child killed "
                + "above 2 x heap + 256 MiB");
  }

  /**
   * A new cgroup for one child with {@code memoryBytes} of memory, or empty where none can be made
   * (the caller relies on the {@link MemoryWatchdog} alone).
   */
  static Optional<ChildCgroup> create(long memoryBytes) {
    if (HIERARCHY.isEmpty()) {
      return Optional.empty();
    }
    Hierarchy h = HIERARCHY.get();
    String name = "mlgrade-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    List<Path> made = new ArrayList<>();
    try {
      if (h.v2()) {
        Path dir = Files.createDirectory(h.memory().resolve(name));
        made.add(dir);
        write(dir.resolve("memory.max"), memoryBytes);
        write(dir.resolve("memory.swap.max"), 0);
        write(dir.resolve("pids.max"), PIDS_MAX);
      } else {
        Path memory = Files.createDirectory(h.memory().resolve(name));
        made.add(memory);
        write(memory.resolve("memory.limit_in_bytes"), memoryBytes);
        Path swap = memory.resolve("memory.memsw.limit_in_bytes");
        if (Files.exists(swap)) {
          write(swap, memoryBytes);
        }
        Path pids = Files.createDirectory(h.pids().resolve(name));
        made.add(pids);
        write(pids.resolve("pids.max"), PIDS_MAX);
      }
      return Optional.of(new ChildCgroup(h, made));
    } catch (IOException | RuntimeException e) {
      new ChildCgroup(h, made).close();
      return Optional.empty();
    }
  }

  /**
   * {@code command} started so that its first process joins this cgroup before it runs anything
   * ({@code exec} keeps the pid); when joining fails it exits with status 125 and says why.
   */
  List<String> wrap(List<String> command) {
    StringBuilder join = new StringBuilder();
    for (Path dir : dirs) {
      join.append("echo $$ > '").append(dir.resolve("cgroup.procs")).append("' && ");
    }
    List<String> wrapped =
        new ArrayList<>(
            List.of(
                "/bin/sh",
                "-c",
                join
                    + "exec \"$0\" \"$@\" || { echo 'mlgrade: cannot join the child cgroup' >&2; exit 125; }"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Whether the kernel's OOM killer ended a process of this cgroup. */
  boolean oomKilled() {
    Path events =
        hierarchy.v2()
            ? dirs.get(0).resolve("memory.events")
            : dirs.get(0).resolve("memory.oom_control");
    try (Stream<String> lines = Files.lines(events)) {
      return lines
          .map(String::trim)
          .filter(l -> l.startsWith("oom_kill "))
          .anyMatch(l -> Long.parseLong(l.substring(9).trim()) > 0);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Kills whatever is left in the cgroup and removes it. */
  @Override
  public void close() {
    for (Path dir : dirs) {
      for (int round = 0; round < 50; round++) {
        List<Long> pids = pids(dir);
        if (pids.isEmpty()) {
          break;
        }
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        // Still busy: the kernel removes nothing by itself; it is named after the grader's pid.
      }
    }
  }

  private static List<Long> pids(Path dir) {
    try (Stream<String> lines = Files.lines(dir.resolve("cgroup.procs"))) {
      return lines.map(String::trim).filter(l -> !l.isEmpty()).map(Long::parseLong).toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static void write(Path file, long value) throws IOException {
    Files.writeString(file, Long.toString(value), StandardCharsets.US_ASCII);
  }

  /**
   * Where children's cgroups go: under the grader's own cgroup, in the v2 unified hierarchy ({@code
   * memory} and {@code pids} the same directory) or in the v1 {@code memory} and {@code pids}
   * hierarchies.
   */
  private record Hierarchy(boolean v2, Path memory, Path pids) {

    String describe() {
      return v2 ? "v2 (" + memory + ")" : "v1 (" + memory + ", " + pids + ")";
    }

    static Optional<Hierarchy> find() {
      try {
        List<String> self = Files.readAllLines(SELF);
        List<String> mounts = Files.readAllLines(MOUNTINFO);
        Optional<Hierarchy> v1 = v1(self, mounts);
        return v1.isPresent() ? v1 : v2(self, mounts);
      } catch (IOException | RuntimeException e) {
        return Optional.empty(); // not Linux, or no /proc
      }
    }

    private static Optional<Hierarchy> v1(List<String> self, List<String> mounts) {
      Optional<Path> memory = v1Dir(self, mounts, "memory");
      Optional<Path> pids = v1Dir(self, mounts, "pids");
      if (memory.isEmpty()
          || pids.isEmpty()
          || !writable(memory.get(), "memory.limit_in_bytes")
          || !writable(pids.get(), "pids.max")) {
        return Optional.empty();
      }
      return Optional.of(new Hierarchy(false, memory.get(), pids.get()));
    }

    private static Optional<Hierarchy> v2(List<String> self, List<String> mounts) {
      Optional<String> path =
          self.stream().filter(l -> l.startsWith("0::")).map(l -> l.substring(3)).findFirst();
      Optional<Path> dir = path.flatMap(p -> mountDir(mounts, "cgroup2", null, p));
      if (dir.isEmpty()) {
        return Optional.empty();
      }
      try {
        String enabled = Files.readString(dir.get().resolve("cgroup.subtree_control"));
        List<String> controllers = List.of(enabled.trim().split("\\s+"));
        if (!controllers.contains("memory")
            || !controllers.contains("pids")
            || !writable(dir.get(), "memory.max")) {
          return Optional.empty();
        }
        return Optional.of(new Hierarchy(true, dir.get(), dir.get()));
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    /** The grader's cgroup directory in the v1 hierarchy of {@code controller}. */
    private static Optional<Path> v1Dir(List<String> self, List<String> mounts, String controller) {
      for (String line : self) {
        String[] parts = line.split(":", 3);
        if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
          return mountDir(mounts, "cgroup", controller, parts[2]);
        }
      }
      return Optional.empty();
    }

    /**
     * Where {@code cgroupPath} is seen in a mount of {@code type} (with {@code option} among its
     * super options, for v1): the mount point plus the path below the mount's root.
     */
    private static Optional<Path> mountDir(
        List<String> mounts, String type, String option, String cgroupPath) {
      for (String line : mounts) {
        int dash = line.indexOf(" - ");
        if (dash < 0) {
          continue;
        }
        String[] left = line.substring(0, dash).split(" ");
        String[] right = line.substring(dash + 3).split(" ");
        if (left.length < 5
            || right.length < 3
            || !right[0].equals(type)
            || option != null && !List.of(right[2].split(",")).contains(option)) {
          continue;
        }
        String root = left[3];
        if (!cgroupPath.startsWith(root)) {
          continue;
        }
        String below = cgroupPath.substring(root.length()).replaceFirst("^/+", "");
        return Optional.of(Path.of(left[4]).resolve(below));
      }
      return Optional.empty();
    }

    /**
     * Whether a child cgroup can be made in {@code dir} and its {@code limitFile} written: tried
     * once, with a probe cgroup removed at once.
     */
    private static boolean writable(Path dir, String limitFile) {
      Path probe = dir.resolve("mlgrade-probe-" + ProcessHandle.current().pid());
      try {
        Files.createDirectory(probe);
        try {
          Files.writeString(
              probe.resolve(limitFile), limitFile.startsWith("pids") ? "64" : "1073741824");
          return true;
        } finally {
          Files.deleteIfExists(probe);
        }
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }
  }
}
