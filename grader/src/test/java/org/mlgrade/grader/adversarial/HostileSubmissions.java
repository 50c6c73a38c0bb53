package org.mlgrade.grader.adversarial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the adversarial cases of {@code src/test/resources/adversarial} into submissions: the
 * shared correct arithmetic plus the case's sources, with the placeholders {@code @SECRET_DIR@},
 * {@code @REPO@}, {@code @OUTSIDE@}, {@code @TOKEN@} and {@code @PORT@} replaced by this run's
 * values, so that the hostile code knows exactly where the secrets are (as if it had guessed).
 *
 * <p>It also lays out what there is to steal or damage: a world-readable secret directory under
 * {@code /tmp} with another student's submission and a hidden-tests file, and a world-writable
 * "outside" directory holding a root-owned {@code victim} file. Close it to delete them.
 */
final class HostileSubmissions implements AutoCloseable {

  /** What {@code victim} holds; any other content means a hostile write got through. */
  static final String VICTIM_TEXT = "original victim content\n";

  final Path resources;
  final Path repo;
  final Path secretDir;
  final Path outsideDir;
  final String token;
  final int port;
  private final Path buildRoot;
  private final List<Path> sharedDirs;

  HostileSubmissions(Path buildRoot, int port) {
    this(buildRoot, port, SHARED_DIRS);
  }

  /**
   * Submissions whose leftover check looks in {@code sharedDirs} instead of the host's shared
   * directories: for the check's own test, whose planted files must not show up in the check of
   * another build running on the same machine.
   */
  HostileSubmissions(Path buildRoot, int port, List<Path> sharedDirs) {
    this.buildRoot = buildRoot;
    this.sharedDirs = List.copyOf(sharedDirs);
    this.port = port;
    this.resources = resource("adversarial");
    this.repo = repoRoot();
    this.token = HexFormat.of().formatHex(randomBytes(6));
    try {
      secretDir = Files.createDirectory(Path.of("/tmp", "mlgrade-adversarial-secret-" + token));
      Files.setPosixFilePermissions(secretDir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path other = Files.createDirectories(secretDir.resolve("other-student/adv"));
      Files.copy(
          resources.resolve("cases/control/adv/Solution.java"), other.resolve("Solution.java"));
      Files.writeString(
          secretDir.resolve("hidden-tests.yaml"),
          "# hidden tests of another homework: must never reach a submission\n");
      openForEveryone(secretDir, "rwxr-xr-x", "rw-r--r--");
      outsideDir = Files.createDirectory(Path.of("/tmp", "mlgrade-adversarial-outside-" + token));
      Files.setPosixFilePermissions(outsideDir, PosixFilePermissions.fromString("rwxrwxrwx"));
      Files.writeString(outsideDir.resolve("victim"), VICTIM_TEXT);
      Files.setPosixFilePermissions(
          outsideDir.resolve("victim"), PosixFilePermissions.fromString("rw-r--r--"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out the adversarial secrets", e);
    }
    snapshotShared();
  }

  /** The names of the cases, from the resource directory. */
  List<String> caseNames() {
    try (Stream<Path> list = Files.list(resources.resolve("cases"))) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the case {@code name} with the shared sources into a new submission directory. */
  Path build(String name) {
    Path target = buildRoot.resolve(name);
    copyReplacing(resources.resolve("common"), target);
    copyReplacing(resources.resolve("cases").resolve(name), target);
    return target;
  }

  /** The rubric of the suite. */
  static Path rubric() {
    return resource("adversarial").resolve("rubric.yaml");
  }

  /**
   * Remembers what the host's shared temporary directories hold, so that {@link #writtenOutside()}
   * finds whatever a case leaves there, whatever its name. Done once when the submissions are laid
   * out; call it again before each case to tell the cases apart.
   */
  void snapshotShared() {
    sharedBefore = sharedEntries();
  }

  /**
   * The files a hostile case may have written outside its work dir (expected: none): anything in
   * the "outside" directory but the victim, anything under {@code /tmp} named with this run's
   * marker, and every entry of {@code /tmp}, {@code /var/tmp} and {@code /dev/shm} (two levels
   * deep) that is new since {@link #snapshotShared()} and owned by the uid student code runs as,
   * but a {@linkplain #jvmCrashLog JVM crash log}.
   */
  List<Path> writtenOutside() {
    List<Path> found = new ArrayList<>(markedOrOutside());
    for (Path entry : sharedEntries()) {
      if (!sharedBefore.contains(entry) && !found.contains(entry) && !jvmCrashLog(entry)) {
        found.add(entry);
      }
    }
    return found;
  }

  /** The name HotSpot gives its fatal-error log: {@code hs_err_pid<pid>.log}. */
  private static final Pattern CRASH_LOG_NAME = Pattern.compile("hs_err_pid\\d+\\.log");

  /**
   * The first lines of a HotSpot fatal-error log, one for a crash and one for native memory run out
   * (HotSpot's VMError::report, step "printing fatal error message").
   */
  private static final List<String> CRASH_LOG_HEADERS =
      List.of(
          "#\n# A fatal error has been detected by the Java Runtime Environment:",
          "#\n# There is insufficient memory for the Java Runtime Environment to continue.");

  /**
   * Whether {@code path} is a child JVM's fatal-error log. A child that crashes or runs out of
   * native memory (a case that breaks the JVM itself) has HotSpot write {@code hs_err_pid<pid>.log}
   * into its working directory or, when it cannot write there, into {@code /tmp} (HotSpot's
   * fallback, outside a private {@code /tmp} only below bubblewrap). The JVM writes it, not the
   * case's code, and it reads nothing of the host a case could not already: it is not a file a case
   * wrote outside. Only that exact name with the JVM's own header is let through, so a case cannot
   * hide a leftover by its name alone.
   */
  static boolean jvmCrashLog(Path path) {
    if (!CRASH_LOG_NAME.matcher(path.getFileName().toString()).matches()
        || !Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (var in = Files.newInputStream(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      String start = new String(in.readNBytes(200), StandardCharsets.UTF_8);
      return CRASH_LOG_HEADERS.stream().anyMatch(start::startsWith);
    } catch (IOException e) {
      return false;
    }
  }

  /** What cases wrote into the "outside" directory or under {@code /tmp} with the run's marker. */
  private List<Path> markedOrOutside() {
    try (Stream<Path> list = Files.list(outsideDir)) {
      List<Path> found =
          new ArrayList<>(list.filter(p -> !p.getFileName().toString().equals("victim")).toList());
      for (String shared : List.of("/tmp", "/dev/shm")) {
        try (Stream<Path> tmp = Files.list(Path.of(shared))) {
          tmp.filter(p -> p.getFileName().toString().startsWith("mlgrade-adv-" + token))
              .forEach(found::add);
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The host directories every process shares, where a child at a weak level can write. */
  static final List<Path> SHARED_DIRS =
      List.of(Path.of("/tmp"), Path.of("/var/tmp"), Path.of("/dev/shm"));

  /**
   * Trees the grader makes and removes itself (its own and, on a shared machine, other graders' run
   * directories, whose work directories belong to the child's uid while a child runs).
   */
  private static final List<String> GRADER_TREES =
      List.of(
          "mlgrade-sandbox-",
          "mlgrade-work-",
          // The JVM's performance-data directory of the child's uid: made by the isolation probe's
          // `java -version` (the children themselves run with -XX:-UsePerfData), not by a case.
          "hsperfdata_");

  private Set<Path> sharedBefore = Set.of();

  /** Entries of the shared directories, two levels deep, owned by a uid student code runs as. */
  private Set<Path> sharedEntries() {
    Set<Path> entries = new HashSet<>();
    for (Path dir : sharedDirs) {
      try (Stream<Path> walk = Files.walk(dir, 2)) {
        walk.filter(p -> !p.equals(dir))
            .filter(
                p ->
                    GRADER_TREES.stream()
                        .noneMatch(
                            prefix -> dir.relativize(p).getName(0).toString().startsWith(prefix)))
            .filter(p -> childUids().contains(owner(p)))
            .forEach(entries::add);
      } catch (IOException | UncheckedIOException e) {
        // A directory that cannot be read (or an entry that vanished): skip it.
      }
    }
    return entries;
  }

  /**
   * The uids children may run as: when the grader is root, 65534 and the sandbox's per-run uids
   * (65533 downwards, {@code ChildUids}); otherwise the grader's own uid.
   */
  static Set<Object> childUids() {
    Object uid = childUid();
    Set<Object> uids = new HashSet<>(Set.of(uid));
    if (Integer.valueOf(65534).equals(uid)) {
      for (int runUid = 65533; runUid > 65533 - 64; runUid--) {
        uids.add(runUid);
      }
    }
    return uids;
  }

  /** The uid children run as: 65534 when the grader is root, the grader's own uid otherwise. */
  static Object childUid() {
    try {
      Object self = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(self) ? Integer.valueOf(65534) : self;
    } catch (IOException | UnsupportedOperationException e) {
      return Integer.valueOf(-1);
    }
  }

  private static Object owner(Path path) {
    try {
      return Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  /** Whether the victim file still has its content and owner. */
  boolean victimIntact() {
    Path victim = outsideDir.resolve("victim");
    try {
      return Files.isRegularFile(victim, LinkOption.NOFOLLOW_LINKS)
          && Files.readString(victim).equals(VICTIM_TEXT)
          && Files.getAttribute(victim, "unix:uid")
              .equals(Files.getAttribute(outsideDir.getParent(), "unix:uid"));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Processes whose command line carries this run's marker and that are still alive {@link
   * #DYING_SECONDS} after grading returned: spawned by a case and survived. The kernel tears a PID
   * namespace of hundreds of processes down asynchronously, and on a loaded 2-core machine that can
   * take longer than the check right after grading; a process killed but still exiting is not a
   * survivor.
   */
  List<ProcessHandle> survivors() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DYING_SECONDS);
    List<ProcessHandle> alive = marked();
    while (!alive.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      alive = marked();
    }
    return alive;
  }

  private static final long DYING_SECONDS = 20;

  private List<ProcessHandle> marked() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("mlgrade-adv-" + token))
        .toList();
  }

  @Override
  public void close() {
    survivors().forEach(ProcessHandle::destroyForcibly);
    for (Path leftover : markedOrOutside()) {
      delete(leftover);
    }
    delete(secretDir);
    delete(outsideDir);
  }

  private void copyReplacing(Path from, Path to) {
    Map<String, String> values =
        Map.of(
            "@SECRET_DIR@",
            secretDir.toString(),
            "@REPO@",
            repo.toString(),
            "@OUTSIDE@",
            outsideDir.toString(),
            "@TOKEN@",
            token,
            "@PORT@",
            String.valueOf(port));
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : (Iterable<Path>) walk::iterator) {
        Path dest = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
          continue;
        }
        String text = Files.readString(source, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> value : values.entrySet()) {
          text = text.replace(value.getKey(), value.getValue());
        }
        Files.writeString(dest, text, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build " + to, e);
    }
  }

  private static void openForEveryone(Path root, String dirs, String files) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        Files.setPosixFilePermissions(
            path, PosixFilePermissions.fromString(Files.isDirectory(path) ? dirs : files));
      }
    }
  }

  static void delete(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // best effort
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(HostileSubmissions.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The repository root: the first directory upwards holding {@code rubrics/} and the pom. */
  private static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("rubrics"))
          && Files.isDirectory(dir.resolve("reference"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "cannot find the repository root above " + Path.of("").toAbsolutePath());
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
