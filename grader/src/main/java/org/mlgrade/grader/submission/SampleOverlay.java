package org.mlgrade.grader.submission;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.patch.PatchFailedException;
import com.github.difflib.unifieddiff.UnifiedDiff;
import com.github.difflib.unifieddiff.UnifiedDiffFile;
import com.github.difflib.unifieddiff.UnifiedDiffParserException;
import com.github.difflib.unifieddiff.UnifiedDiffReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A sample submission kept as the changes it makes to a complete sibling submission, its base.
 *
 * <p>A folder {@code DIR/NAME} is an overlay when {@code DIR} holds the marker file
 * {@value #MARKER} and {@code DIR/NAME} holds a {@value #DESCRIPTOR} such as {@code {"base":
 * "correct", "removes": ["src/hw/KernelCheck.java"]}}. Its sources are then its own {@code .java}
 * files; the base's files changed by the unified diff {@value #PATCH}, if there is one (paths
 * relative to {@code DIR}: {@code --- correct/src/hw/LogReg.java}, {@code +++ NAME/LogReg.java},
 * a different path moves the file); and the base's other files that it neither replaces (same
 * relative path) nor removes. Only the folder that holds the samples carries the marker; a
 * student controls the inside of a submission, never its parent, so a {@value #DESCRIPTOR} in a
 * real submission is an ordinary file and means nothing.
 *
 * @param base the base submission: a real directory beside the overlay, itself no overlay
 * @param leftOut the base's files not to collect, relative to the base and '/'-separated: the
 *     removed ones and those the patch rewrites
 * @param patched the patched files' texts, by their path in the assembled submission
 */
record SampleOverlay(Path base, Set<String> leftOut, Map<String, String> patched) {

  /** The file that marks a folder of samples, in the folder that holds them. */
  static final String MARKER = "MLGRADE-SAMPLES";
  /** The file that makes a sample an overlay, in the sample's folder. */
  static final String DESCRIPTOR = "sample.json";
  /** The sample's changes to its base's files, a unified diff, in the sample's folder. */
  static final String PATCH = "sample.patch";
  /** The largest patch or patched base file read, in bytes. */
  private static final long MAX_BYTES = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  SampleOverlay {
    leftOut = Set.copyOf(leftOut);
    patched = Map.copyOf(patched);
  }

  /**
   * What {@value #DESCRIPTOR} says.
   *
   * @param base the name of the base folder beside the sample
   * @param removes files of the base to leave out, relative to it; may be absent
   */
  private record Descriptor(String base, List<String> removes) {}

  /**
   * The overlay {@code submission} stands for: empty when it is not a folder of a marked
   * samples folder or has no {@value #DESCRIPTOR}.
   *
   * @throws IllegalArgumentException when the descriptor of a marked sample is invalid: it
   *     cannot be read, names a base that is not a plain sibling folder (no '/', no '..', no
   *     link, not itself an overlay), or removes a file that the base does not have; or when
   *     its patch cannot be read or does not apply to the base
   */
  static Optional<SampleOverlay> of(Path submission) {
    Path sample = submission.toAbsolutePath().normalize();
    Path parent = sample.getParent();
    Path descriptor = sample.resolve(DESCRIPTOR);
    if (parent == null || !Files.isDirectory(sample)
        || !Files.isRegularFile(parent.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)
        || !Files.exists(descriptor, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    String where = sample.getFileName() + "/" + DESCRIPTOR;
    Descriptor read = read(descriptor, where);
    Path base = base(read.base(), sample, where);
    Set<String> leftOut = removed(read.removes(), base, where);
    Map<String, String> patched = new TreeMap<>();
    Path patch = sample.resolve(PATCH);
    if (Files.exists(patch, LinkOption.NOFOLLOW_LINKS)) {
      applyPatch(patch, sample, base, leftOut, patched);
    }
    return Optional.of(new SampleOverlay(base, leftOut, patched));
  }

  /** The descriptor, read strictly. */
  private static Descriptor read(Path descriptor, String where) {
    if (!Files.isRegularFile(descriptor, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(where + " is not a regular file");
    }
    try {
      return JSON.readValue(descriptor.toFile(), Descriptor.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(where + " is not a valid sample descriptor: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(where + " could not be read: " + e.getMessage());
    }
  }

  /** The folder {@code name} beside {@code sample}: a real directory and no overlay. */
  private static Path base(String name, Path sample, String where) {
    if (name == null || !name.matches("[A-Za-z0-9_][A-Za-z0-9._-]*")
        || name.equals(String.valueOf(sample.getFileName()))) {
      throw new IllegalArgumentException(where + ": the base must name another folder beside"
          + " the sample (letters, digits, '.', '_', '-'; no '/' or '..'), got "
          + (name == null ? "nothing" : "'" + name + "'"));
    }
    Path base = sample.getParent().resolve(name);
    if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(where + ": the base " + name
          + " is not a folder beside the sample (links are not followed)");
    }
    if (Files.exists(base.resolve(DESCRIPTOR), LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(where + ": the base " + name
          + " is itself an overlay; name a complete submission");
    }
    return base;
  }

  /** The files {@code removes} names, each a plain relative path to a file of {@code base}. */
  private static Set<String> removed(List<String> removes, Path base, String where) {
    Set<String> removed = new TreeSet<>();
    List<String> missing = new ArrayList<>();
    for (String name : removes == null ? List.<String>of() : removes) {
      String relative = name == null ? null : SourceCollector.safeRelative(name);
      if (relative == null) {
        throw new IllegalArgumentException(where + ": the removed file " + name
            + " is not a plain relative path");
      }
      if (!Files.isRegularFile(base.resolve(relative), LinkOption.NOFOLLOW_LINKS)) {
        missing.add(relative);
      }
      removed.add(relative);
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(where + " removes files that " + base.getFileName()
          + " does not have: " + String.join(", ", missing));
    }
    return removed;
  }

  /**
   * Applies every file of the unified diff {@code patch} to its file in {@code base}, adding the
   * base file to {@code leftOut} and the result to {@code patched}.
   */
  private static void applyPatch(Path patch, Path sample, Path base, Set<String> leftOut,
      Map<String, String> patched) {
    String where = sample.getFileName() + "/" + PATCH;
    String baseName = String.valueOf(base.getFileName());
    String sampleName = String.valueOf(sample.getFileName());
    UnifiedDiff diff;
    try (InputStream in = Files.newInputStream(regular(patch, where))) {
      diff = UnifiedDiffReader.parseUnifiedDiff(in);
    } catch (IOException | UnifiedDiffParserException e) {
      throw new IllegalArgumentException(where + " could not be read as a unified diff: "
          + e.getMessage());
    }
    if (diff.getFiles().isEmpty()) {
      throw new IllegalArgumentException(where + " changes no file");
    }
    for (UnifiedDiffFile file : diff.getFiles()) {
      String from = inside(file.getFromFile(), baseName, where);
      String to = inside(file.getToFile(), sampleName, where);
      if (!leftOut.add(from)) {
        throw new IllegalArgumentException(where + " changes " + from + ", which "
            + DESCRIPTOR + " removes or the patch already changed");
      }
      if (Files.exists(sample.resolve(to), LinkOption.NOFOLLOW_LINKS)
          || patched.containsKey(to)) {
        throw new IllegalArgumentException(where + " writes " + to + ", which the sample"
            + " already has");
      }
      Path original = regular(base.resolve(from), baseName + "/" + from);
      try {
        if (!original.toRealPath().startsWith(base.toRealPath())) {
          throw new IllegalArgumentException(baseName + "/" + from + " is reached through a"
              + " link out of " + baseName);
        }
        List<String> lines = List.of(Files.readString(original, StandardCharsets.UTF_8)
            .split("\n", -1));
        List<String> result = file.getPatch().applyTo(lines.subList(0, lines.size() - 1));
        patched.put(to, String.join("\n", result) + "\n");
      } catch (PatchFailedException e) {
        throw new IllegalArgumentException(where + " does not apply to " + baseName + "/"
            + from + ": " + e.getMessage());
      } catch (IOException e) {
        throw new IllegalArgumentException(baseName + "/" + from + " could not be read: "
            + e.getMessage());
      }
    }
  }

  /** {@code path} when it is a regular file no larger than {@link #MAX_BYTES}. */
  private static Path regular(Path path, String name) {
    try {
      if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        throw new IllegalArgumentException(name + " is not a regular file");
      }
      if (Files.size(path) > MAX_BYTES) {
        throw new IllegalArgumentException(name + " is larger than " + MAX_BYTES + " bytes");
      }
      return path;
    } catch (IOException e) {
      throw new IllegalArgumentException(name + " could not be read: " + e.getMessage());
    }
  }

  /** The part after {@code folder/} of a path in a patch header, a plain relative path. */
  private static String inside(String header, String folder, String where) {
    String prefix = folder + "/";
    String relative = header == null || !header.startsWith(prefix) ? null
        : SourceCollector.safeRelative(header.substring(prefix.length()));
    if (relative == null) {
      throw new IllegalArgumentException(where + ": the patched file " + header
          + " is not a plain path under " + prefix);
    }
    return relative;
  }
}
