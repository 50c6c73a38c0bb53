package org.mlgrade.grader.submission;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sample submission kept as the files it changes over a complete sibling submission, its base.
 *
 * <p>A folder {@code DIR/NAME} is an overlay when {@code DIR} holds the marker file
 * {@value #MARKER} and {@code DIR/NAME} holds a {@value #DESCRIPTOR} such as {@code {"base":
 * "correct", "removes": ["src/hw/LogReg.java"]}}. Its sources are then its own {@code .java}
 * files, plus those of {@code DIR/correct} that it neither replaces (same relative path) nor
 * removes. Only the folder that holds the samples carries the marker; a student controls the
 * inside of a submission, never its parent, so a {@value #DESCRIPTOR} in a real submission is
 * an ordinary file and means nothing.
 *
 * @param base the base submission: a real directory beside the overlay, itself no overlay
 * @param removed the base's files left out, relative to the base and '/'-separated
 */
record SampleOverlay(Path base, Set<String> removed) {

  /** The file that marks a folder of samples, in the folder that holds them. */
  static final String MARKER = "MLGRADE-SAMPLES";
  /** The file that makes a sample an overlay, in the sample's folder. */
  static final String DESCRIPTOR = "sample.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  SampleOverlay {
    removed = Set.copyOf(removed);
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
   *     link, not itself an overlay), or removes a file that the base does not have
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
    if (!Files.isRegularFile(descriptor, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(where + " is not a regular file");
    }
    Descriptor read;
    try {
      read = JSON.readValue(descriptor.toFile(), Descriptor.class);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(where + " is not a valid sample descriptor: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(where + " could not be read: " + e.getMessage());
    }
    String baseName = read.base();
    if (baseName == null || !baseName.matches("[A-Za-z0-9_][A-Za-z0-9._-]*")
        || baseName.equals(String.valueOf(sample.getFileName()))) {
      throw new IllegalArgumentException(where + ": the base must name another folder beside"
          + " the sample (letters, digits, '.', '_', '-'; no '/' or '..'), got "
          + (baseName == null ? "nothing" : "'" + baseName + "'"));
    }
    Path base = parent.resolve(baseName);
    if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(where + ": the base " + baseName
          + " is not a folder beside the sample (links are not followed)");
    }
    if (Files.exists(base.resolve(DESCRIPTOR), LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException(where + ": the base " + baseName
          + " is itself an overlay; name a complete submission");
    }
    Set<String> removed = new TreeSet<>();
    List<String> missing = new ArrayList<>();
    for (String name : read.removes() == null ? List.<String>of() : read.removes()) {
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
      throw new IllegalArgumentException(where + " removes files that " + baseName
          + " does not have: " + String.join(", ", missing));
    }
    return Optional.of(new SampleOverlay(base, removed));
  }
}
