package org.mlgrade.grader.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the child's uid (one that owns no file and is in no group; the check uses {@value
 * LaunchCommand#NOBODY}'s permissions) can read of the host's files, from their permission bits: a
 * path is readable when every directory above it is searchable by that uid and the path itself
 * readable, and, where {@link Landlock} restricts the child, beneath a path it leaves readable.
 * Access control lists and other security modules are not consulted; the start-up canary tries the
 * real open.
 */
public final class ChildAccess {

  /** A class file of the reference solutions, by resource name. */
  private static final String REFERENCE_ANCHOR = "org/mlgrade/reference/Problem.class";

  /** One path the child must not read, and what it is. */
  public record Secret(Path path, String what) {}

  /** A secret the child can read, with the change that would hide it. */
  public record Exposure(Secret secret, Path readable, String fix) {
    @Override
    public String toString() {
      return secret.what()
          + " "
          + secret.path()
          + " is readable by other users, the sandbox's "
          + "uids among them: "
          + fix;
    }
  }

  private ChildAccess() {}

  /**
   * Where the reference solutions' classes are, found by resource name so that the sandbox need not
   * depend on the reference module: the jar that holds them, or the class directory under Maven.
   */
  private static Optional<Path> referenceCode() {
    URL url = ChildAccess.class.getClassLoader().getResource(REFERENCE_ANCHOR);
    if (url == null) {
      return Optional.empty();
    }
    try {
      String text = url.toString();
      if (text.startsWith("jar:")) {
        return Optional.of(Path.of(new URI(text.substring(4, text.indexOf("!/")))));
      }
      Path file = Path.of(url.toURI());
      for (int i = 0; i < REFERENCE_ANCHOR.split("/").length; i++) {
        file = file.getParent();
      }
      return Optional.ofNullable(file);
    } catch (URISyntaxException | IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return Optional.empty(); // not a file: nothing on disk to protect
    }
  }

  /**
   * Where the grader's own code is: the jar or directories that hold the reference solutions and
   * the grader (one jar when it runs from {@code mlgrade.jar}).
   */
  public static List<Secret> graderCode() {
    Set<Path> locations = new LinkedHashSet<>();
    CodeSource source = ChildAccess.class.getProtectionDomain().getCodeSource();
    if (source != null && source.getLocation() != null) {
      try {
        locations.add(Path.of(source.getLocation().toURI()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        // not a file: nothing on disk to protect
      }
    }
    referenceCode().ifPresent(locations::add);
    return locations.stream()
        .map(p -> new Secret(p, "the grader's code (with the reference " + "solutions)"))
        .toList();
  }

  /**
   * The secrets of {@code secrets} that uid {@value LaunchCommand#NOBODY} can read: by permission
   * bits, and, where {@link Landlock} is in force, only beneath the system paths it leaves
   * readable.
   */
  public static List<Exposure> exposed(List<Secret> secrets) {
    List<Exposure> exposures = new ArrayList<>();
    boolean landlock = Landlock.inForce();
    for (Secret secret : secrets) {
      readableBy(secret.path(), LaunchCommand.NOBODY, LaunchCommand.NOBODY)
          .filter(readable -> !landlock || Landlock.reaches(readable))
          .ifPresent(
              readable ->
                  exposures.add(
                      new Exposure(
                          secret,
                          readable,
                          "run `chmod o= "
                              + readable
                              + "` (or make a directory above it unsearchable to "
                              + "others)")));
    }
    return exposures;
  }

  /**
   * Whether {@code uid}/{@code gid} can read {@code path}: empty when it cannot (or the path does
   * not exist), otherwise the path as resolved, every component of which it can reach.
   */
  static Optional<Path> readableBy(Path path, int uid, int gid) {
    Path real;
    try {
      real = path.toAbsolutePath().toRealPath();
    } catch (IOException e) {
      return Optional.empty();
    }
    Path dir = real.getRoot();
    for (Path name : real) {
      if (!allows(dir, uid, gid, 1)) {
        return Optional.empty();
      }
      dir = dir.resolve(name);
    }
    return allows(real, uid, gid, 4) ? Optional.of(real) : Optional.empty();
  }

  /** Whether the owner, group or other bits of {@code path} grant {@code bit} (4 r, 1 x). */
  private static boolean allows(Path path, int uid, int gid, int bit) {
    try {
      Map<String, Object> attributes =
          Files.readAttributes(path, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
      int mode = (Integer) attributes.get("mode");
      int shift =
          uid == (Integer) attributes.get("uid")
              ? 6
              : gid == (Integer) attributes.get("gid") ? 3 : 0;
      return ((mode >> shift) & bit) != 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return true;
    }
  }
}
