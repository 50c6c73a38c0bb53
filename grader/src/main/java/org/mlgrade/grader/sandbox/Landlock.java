package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Linux Landlock below bubblewrap: the child restricts itself, before {@code java} starts, to
 * reading the JDK, the system's libraries and its own directories, and to writing its own working
 * directory; with kernel ABI 4 or later it can neither bind nor connect a TCP socket, and with ABI
 * 6 or later it can neither signal nor reach (through an abstract Unix socket) a process outside
 * its domain, the grader included; where a seccomp filter can be installed too (x86-64), it can
 * create no IPv4 or IPv6 socket (UDP included) and cannot call {@code ptrace}, {@code bpf}, {@code
 * mount}, {@code unshare} and the like. Landlock needs no privilege, so it holds for {@code
 * UNPRIVILEGED_USER} and {@code PROCESS_ONLY} alike, whatever the permission bits of the host's
 * files: another copy of mlgrade elsewhere on the machine, the rubric, other students' files and
 * {@code /proc} are out of reach.
 *
 * <p>The system calls are made by a short Python script ({@code landlock.py}, standard library
 * only) that then executes the rest of the launch chain; Java 17 cannot make them itself. Where
 * {@code python3} or the kernel's Landlock is missing, nothing is restricted and the permission
 * check of {@link ChildAccess} stands alone. The operator can turn it off with {@code
 * -Dmlgrade.landlock=off} (for example to compare).
 */
final class Landlock {

  static final Path PYTHON = Path.of("/usr/bin/python3");

  /** The system property that turns Landlock off when set to {@code off}. */
  static final String SWITCH = "mlgrade.landlock";

  /** Devices every JVM opens; {@code /dev/null} is also written. */
  private static final List<Path> DEVICES_READ =
      List.of(Path.of("/dev/zero"), Path.of("/dev/random"), Path.of("/dev/urandom"));

  private Landlock() {}

  /**
   * The kernel's Landlock ABI version found once per grader (0 when Landlock cannot be used), and
   * whether a seccomp filter can be installed too.
   */
  private static final class Kernel {
    static final String[] PROBE = probe();
    static final int ABI = Integer.parseInt(PROBE[0]);
    static final boolean SECCOMP = PROBE.length > 1 && "seccomp".equals(PROBE[1]);
  }

  /** Whether children below bubblewrap are restricted with Landlock. */
  static boolean inForce() {
    return !"off".equals(System.getProperty(SWITCH, "").toLowerCase(Locale.ROOT)) && Kernel.ABI > 0;
  }

  /** The kernel's Landlock ABI version, 0 when it or {@code python3} is missing. */
  static int abi() {
    return Kernel.ABI;
  }

  /** Whether children below bubblewrap also get the seccomp filter (with Landlock). */
  static boolean seccomp() {
    return inForce() && Kernel.SECCOMP;
  }

  /** What the results say about Landlock at a level below bubblewrap. */
  static String describe() {
    if (inForce()) {
      return "in force (kernel ABI "
          + abi()
          + "): the child reads only the JDK, the system's "
          + "libraries and its own files"
          + (abi() >= 4 ? "; no TCP" : "")
          + (abi() >= 6 ? "; no signals to other processes" : "")
          + (Kernel.SECCOMP
              ? "; seccomp: no IP sockets (UDP included), no ptrace, bpf, mount, namespaces or "
                  + "keyrings"
              : "; no seccomp filter here");
    }
    if (Kernel.ABI > 0) {
      return "turned off with -D" + SWITCH + "=off";
    }
    return Files.isExecutable(PYTHON)
        ? "not offered by this kernel"
        : "not used: " + PYTHON + " is not installed";
  }

  /**
   * The command that restricts itself and then executes what follows it: the child may read beneath
   * the system's paths and the read-only {@code binds}, and read and write beneath the writable
   * ones.
   */
  static List<String> prefix(List<Bind> binds) {
    List<String> command =
        new ArrayList<>(List.of(PYTHON.toString(), "-I", "-S", "-c", Script.TEXT));
    if (Kernel.SECCOMP) {
      command.add("--seccomp");
    }
    for (Path path : systemPaths()) {
      command.addAll(List.of("--ro", path.toString()));
    }
    command.addAll(List.of("--rw", "/dev/null"));
    for (Bind bind : binds) {
      command.addAll(List.of(bind.writable() ? "--rw" : "--ro", bind.host().toString()));
    }
    command.add("--");
    return command;
  }

  /**
   * Whether {@code path} (absolute, links resolved) lies beneath what every restricted child may
   * read. The child's own binds are not counted: the grader fills them with copies meant for it.
   */
  static boolean reaches(Path path) {
    return systemPaths().stream().anyMatch(path::startsWith);
  }

  /**
   * What every child may read: {@code /usr} (the JDK, the libraries, and the links {@code /lib},
   * {@code /lib64} and {@code /bin} lead there), the JDK and its configuration wherever they are,
   * the loader's cache and a few devices.
   */
  static List<Path> systemPaths() {
    Set<Path> paths = new LinkedHashSet<>();
    for (String path : List.of("/usr", "/lib", "/lib64", "/bin", "/etc/ld.so.cache")) {
      paths.add(realOrSelf(Path.of(path)));
    }
    paths.add(realOrSelf(LaunchCommand.javaHome()));
    paths.addAll(LaunchCommand.javaBinds());
    paths.addAll(DEVICES_READ);
    return List.copyOf(paths);
  }

  private static Path realOrSelf(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path.toAbsolutePath().normalize();
    }
  }

  /** The script's answer to {@code --abi}: the ABI version and "seccomp" or "-"; "0" on failure. */
  private static String[] probe() {
    String[] none = {"0"};
    if (!Files.isExecutable(PYTHON)) {
      return none;
    }
    try {
      Process process =
          new ProcessBuilder(PYTHON.toString(), "-I", "-S", "-c", Script.TEXT, "--abi")
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return none;
      }
      return process.exitValue() == 0 && output.matches("\\d{1,3}( (seccomp|-))?")
          ? output.split(" ")
          : none;
    } catch (IOException e) {
      return none;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return none;
    }
  }

  /** The script's source, passed to {@code python3 -c} so that no file needs to be readable. */
  private static final class Script {
    static final String TEXT = load();

    private static String load() {
      try (InputStream in = Landlock.class.getResourceAsStream("landlock.py")) {
        if (in == null) {
          throw new IllegalStateException("landlock.py is missing from the grader's jar");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read landlock.py", e);
      }
    }
  }
}
