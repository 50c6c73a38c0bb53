package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Builds the command line that starts a child at a given isolation level, following the chain
 * measured in {@code SANDBOX.md}: {@code setpriv} to uid 65534 (when the grader runs as root)
 * before {@code prlimit} before {@code bwrap} (or, below bubblewrap, {@link Landlock} where the
 * kernel offers it), then {@code java}.
 */
final class LaunchCommand {

  /** The unprivileged uid and gid the child runs as when the grader is root. */
  static final int NOBODY = 65534;

  static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  /** {@link #javaBinds()}, once found (walking the JDK's folders for links). */
  private static volatile List<Path> javaBinds;

  static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
  static final Path BWRAP = Path.of("/usr/bin/bwrap");

  /** Largest file the child may write, and the size of its private {@code /tmp}. */
  static final long FILE_BYTES = 64L * 1024 * 1024;

  private LaunchCommand() {}

  /** The JVM that runs the grader, whose {@code java} starts the child too. */
  static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  static Path java() {
    return javaHome().resolve("bin").resolve("java");
  }

  static boolean isRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(uid);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The full command for {@code level}: the OS wrapper, then {@code java} followed by {@code
   * javaArguments} (which use the child's paths).
   *
   * @param binds the directories the child needs, read-only unless marked writable; bubblewrap and
   *     Landlock hide everything else
   * @param workingDir the child's working directory, as the child sees it
   * @param cpuSeconds the CPU-time limit of the whole child
   */
  static List<String> build(
      IsolationLevel level,
      List<Bind> binds,
      Path workingDir,
      long cpuSeconds,
      List<String> javaArguments) {
    return build(level, binds, workingDir, null, cpuSeconds, javaArguments);
  }

  /**
   * The full command for {@code level}, as {@link #build(IsolationLevel, List, Path, long, List)},
   * except that under bubblewrap with a {@code stdinFile}, the working directory is a private tmpfs
   * of {@link #FILE_BYTES} (so that the child cannot fill the host's disk) into which bubblewrap
   * copies its standard input as {@code stdinFile}; java then gets {@code /dev/null} as standard
   * input.
   *
   * @param stdinFile the file, as the child sees it, to receive standard input, or null
   */
  static List<String> build(
      IsolationLevel level,
      List<Bind> binds,
      Path workingDir,
      Path stdinFile,
      long cpuSeconds,
      List<String> javaArguments) {
    return build(level, NOBODY, binds, workingDir, stdinFile, cpuSeconds, javaArguments);
  }

  /**
   * The full command for {@code level}, as {@link #build(IsolationLevel, List, Path, Path, long,
   * List)}, with the child running as {@code uid} when the grader is root (inside bubblewrap's user
   * namespace it is still {@link #NOBODY}).
   */
  static List<String> build(
      IsolationLevel level,
      int uid,
      List<Bind> binds,
      Path workingDir,
      Path stdinFile,
      long cpuSeconds,
      List<String> javaArguments) {
    boolean privateWork = level == IsolationLevel.BUBBLEWRAP && stdinFile != null;
    List<String> command = new ArrayList<>();
    if (level != IsolationLevel.PROCESS_ONLY) {
      if (isRoot()) {
        command.addAll(
            List.of(
                SETPRIV.toString(),
                "--reuid=" + uid,
                "--regid=" + uid,
                "--clear-groups",
                "--inh-caps=-all"));
      }
      command.addAll(
          List.of(
              PRLIMIT.toString(),
              "--cpu=" + cpuSeconds,
              "--nproc=1024",
              "--fsize=" + FILE_BYTES,
              "--nofile=1024",
              "--core=0"));
    }
    if (level != IsolationLevel.BUBBLEWRAP && Landlock.inForce()) {
      // Last before java, as the child's uid: Landlock needs no privilege.
      command.addAll(Landlock.prefix(binds));
    }
    if (level == IsolationLevel.BUBBLEWRAP) {
      command.addAll(
          List.of(
              BWRAP.toString(),
              "--unshare-all",
              "--unshare-user",
              "--uid",
              String.valueOf(NOBODY),
              "--gid",
              String.valueOf(NOBODY),
              "--die-with-parent",
              "--new-session",
              "--ro-bind",
              "/usr",
              "/usr",
              "--symlink",
              "usr/lib",
              "/lib",
              "--symlink",
              "usr/lib64",
              "/lib64",
              "--symlink",
              "usr/bin",
              "/bin",
              "--symlink",
              "usr/sbin",
              "/sbin"));
      for (Path path : javaBinds()) {
        command.addAll(List.of("--ro-bind", path.toString(), path.toString()));
      }
      // Every tmpfs gets a size: bwrap's /dev/shm would otherwise grow to half the host's RAM.
      command.addAll(
          List.of(
              "--proc",
              "/proc",
              "--dev",
              "/dev",
              "--size",
              String.valueOf(FILE_BYTES),
              "--tmpfs",
              "/dev/shm",
              "--size",
              String.valueOf(FILE_BYTES),
              "--tmpfs",
              "/tmp"));
      for (Bind bind : binds) {
        command.addAll(
            List.of(
                bind.writable() ? "--bind" : "--ro-bind",
                bind.host().toString(),
                bind.child().toString()));
      }
      if (privateWork) {
        command.addAll(
            List.of(
                "--size",
                String.valueOf(FILE_BYTES),
                "--tmpfs",
                workingDir.toString(),
                "--file",
                "0",
                stdinFile.toString()));
      }
      command.addAll(
          List.of(
              "--chdir",
              workingDir.toString(),
              "--clearenv",
              "--setenv",
              "PATH",
              "/usr/bin",
              "--setenv",
              "HOME",
              "/tmp",
              "--setenv",
              "LANG",
              "C.UTF-8"));
    }
    if (privateWork) {
      // bubblewrap closes descriptor 0 once it has copied it: give java /dev/null instead, so
      // that the first file the JVM opens does not become its standard input.
      command.addAll(List.of("/usr/bin/sh", "-c", "exec \"$0\" \"$@\" < /dev/null"));
    }
    command.add(java().toString());
    command.addAll(javaArguments);
    return command;
  }

  /**
   * What of the JDK must be bound besides {@code /usr}: the java home itself when it lives
   * elsewhere, and the directories its configuration links point to (Debian's JDK links {@code
   * conf/*} to {@code /etc/java-17-openjdk}, and dies without them). Found once per grader: the JDK
   * does not change while it runs, and every child below bubblewrap (Landlock) or under it (bwrap)
   * needs the list.
   */
  static List<Path> javaBinds() {
    List<Path> binds = javaBinds;
    if (binds == null) {
      binds = findJavaBinds();
      javaBinds = binds;
    }
    return binds;
  }

  private static List<Path> findJavaBinds() {
    Path home = javaHome().toAbsolutePath().normalize();
    Set<Path> binds = new TreeSet<>();
    if (!home.startsWith("/usr")) {
      binds.add(home);
    }
    for (String sub : List.of("conf", "lib")) {
      Path dir = home.resolve(sub);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir, 4)) {
        walk.filter(Files::isSymbolicLink).forEach(link -> linkTarget(link, home, binds));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot inspect the JDK in " + home, e);
      }
    }
    List<Path> outermost = new ArrayList<>();
    for (Path path : binds) {
      if (outermost.stream().noneMatch(path::startsWith)) {
        outermost.add(path);
      }
    }
    return List.copyOf(outermost);
  }

  private static void linkTarget(Path link, Path home, Set<Path> binds) {
    try {
      Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
      if (target.startsWith("/usr")
          || target.startsWith(home)
          || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      Path dir = Files.isDirectory(target) ? target : target.getParent();
      if (dir != null && dir.getNameCount() >= 2) {
        binds.add(dir);
      }
    } catch (IOException e) {
      // An unreadable link is one the JDK cannot follow either.
    }
  }
}
