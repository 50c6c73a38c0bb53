package org.mlgrade.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Samples stored as overlays, as {@link SourceCollector} reads them: a folder {@code samples}
 * with the marker file, a complete base {@code samples/correct} and overlays beside it.
 */
class SampleOverlayTest {

  @TempDir
  Path temp;

  private Path samples;
  private Path base;
  private Path target;

  @BeforeEach
  void layOutABase() throws IOException {
    samples = Files.createDirectories(temp.resolve("samples"));
    base = Files.createDirectories(samples.resolve("correct"));
    write(base, "src/hw/A.java", "base A");
    write(base, "src/hw/B.java", "base B");
    write(base, "src/hw/C.java", "base C");
    write(base, "SAMPLE.md", "not a source");
  }

  private static void write(Path dir, String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private void mark() throws IOException {
    write(samples, SampleOverlay.MARKER, "samples of this folder may be overlays");
  }

  /** An overlay {@code samples/name} that replaces B, adds D and has {@code descriptor}. */
  private Path overlay(String name, String descriptor) throws IOException {
    Path sample = Files.createDirectories(samples.resolve(name));
    write(sample, "src/hw/B.java", "overlay B");
    write(sample, "flat/D.java", "overlay D");
    write(sample, SampleOverlay.DESCRIPTOR, descriptor);
    return sample;
  }

  /** Collects {@code submission} into a fresh folder, {@link #target}. */
  private SourceCollector.Collected collect(Path submission) throws IOException {
    target = Files.createTempDirectory(temp, "src-");
    return new SourceCollector(SourceLimits.DEFAULT).collect(submission, target);
  }

  private String collected(String relative) throws IOException {
    return Files.readString(target.resolve(relative), StandardCharsets.UTF_8);
  }

  @Test
  void anOverlayGetsTheBaseFilesItNeitherReplacesNorRemoves() throws IOException {
    mark();
    Path sample = overlay("mistake", """
        {"base": "correct", "removes": ["src/hw/C.java"]}
        """);

    SourceCollector.Collected collected = collect(sample);

    assertThat(collected.problems()).isEmpty();
    assertThat(collected.sources()).containsExactly("flat/D.java", "src/hw/A.java",
        "src/hw/B.java");
    assertThat(collected("src/hw/A.java")).isEqualTo("base A");
    assertThat(collected("src/hw/B.java")).isEqualTo("overlay B");
    assertThat(collected("flat/D.java")).isEqualTo("overlay D");
  }

  @Test
  void removesIsOptional() throws IOException {
    mark();
    Path sample = overlay("mistake", "{\"base\": \"correct\"}");

    assertThat(collect(sample).sources()).containsExactly("flat/D.java", "src/hw/A.java",
        "src/hw/B.java", "src/hw/C.java");
  }

  @Test
  void withoutTheMarkerBesideItADescriptorIsAnOrdinaryFile() throws IOException {
    Path sample = overlay("student", "{\"base\": \"correct\"}");

    SourceCollector.Collected collected = collect(sample);

    assertThat(collected.problems()).isEmpty();
    assertThat(collected.sources()).containsExactly("flat/D.java", "src/hw/B.java");
  }

  @Test
  void aMarkerInsideTheSubmissionItselfIsNotHonoured() throws IOException {
    Path sample = overlay("student", "{\"base\": \"../samples/correct\"}");
    write(sample, SampleOverlay.MARKER, "");
    Path nested = Files.createDirectories(sample.resolve("inner"));
    write(nested, SampleOverlay.DESCRIPTOR, "{\"base\": \"flat\"}");

    SourceCollector.Collected collected = collect(sample);

    assertThat(collected.problems()).isEmpty();
    assertThat(collected.sources()).containsExactly("flat/D.java", "src/hw/B.java");
  }

  @Test
  void aCompleteSampleBesideTheMarkerIsReadAsItIs() throws IOException {
    mark();

    SourceCollector.Collected collected = collect(base);

    assertThat(collected.problems()).isEmpty();
    assertThat(collected.sources()).containsExactly("src/hw/A.java", "src/hw/B.java",
        "src/hw/C.java");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../samples/correct", "..", ".", "", "samples/correct", "/tmp",
      "correct/", "correct/../correct", "mistake", "co\\\\rrect"})
  void aBaseThatIsNotAPlainSiblingNameIsRefused(String name) throws IOException {
    mark();
    Path sample = overlay("mistake", "{\"base\": \"" + name + "\"}");

    SourceCollector.Collected collected = collect(sample);

    assertThat(collected.problems()).singleElement().asString()
        .startsWith("the sample's base was not added: mistake/sample.json: the base must name"
            + " another folder beside the sample");
    assertThat(collected.sources()).containsExactly("flat/D.java", "src/hw/B.java");
  }

  @Test
  void aBaseThatIsALinkIsRefused() throws IOException {
    mark();
    Files.createSymbolicLink(samples.resolve("linked"), base);
    Path sample = overlay("mistake", "{\"base\": \"linked\"}");

    SourceCollector.Collected collected = collect(sample);

    assertThat(collected.problems()).containsExactly("the sample's base was not added:"
        + " mistake/sample.json: the base linked is not a folder beside the sample (links are"
        + " not followed)");
    assertThat(collected.sources()).containsExactly("flat/D.java", "src/hw/B.java");
  }

  @Test
  void aBaseThatIsMissingOrAnOverlayItselfIsRefused() throws IOException {
    mark();
    overlay("first", "{\"base\": \"correct\"}");
    Path chained = overlay("second", "{\"base\": \"first\"}");
    Path missing = overlay("third", "{\"base\": \"nowhere\"}");

    assertThat(collect(chained).problems()).containsExactly("the sample's base was not added:"
        + " second/sample.json: the base first is itself an overlay; name a complete"
        + " submission");
    assertThat(collect(missing).problems()).containsExactly("the sample's base was not added:"
        + " third/sample.json: the base nowhere is not a folder beside the sample (links are"
        + " not followed)");
  }

  @Test
  void removingAFileTheBaseDoesNotHaveOrOutsideItIsRefused() throws IOException {
    mark();
    Path stale = overlay("stale", "{\"base\": \"correct\", \"removes\": [\"src/hw/Z.java\"]}");
    Path climbing = overlay("climbing",
        "{\"base\": \"correct\", \"removes\": [\"../stale/flat/D.java\"]}");

    assertThat(collect(stale).problems()).containsExactly("the sample's base was not added:"
        + " stale/sample.json removes files that correct does not have: src/hw/Z.java");
    assertThat(collect(climbing).problems()).containsExactly("the sample's base was not added:"
        + " climbing/sample.json: the removed file ../stale/flat/D.java is not a plain relative"
        + " path");
  }

  @Test
  void anUnreadableDescriptorIsReportedAndTheSampleGradedAlone() throws IOException {
    mark();
    Path sample = overlay("typo", "{\"bsae\": \"correct\"}");

    SourceCollector.Collected collected = collect(sample);

    assertThat(collected.problems()).singleElement().asString()
        .startsWith("the sample's base was not added: typo/sample.json is not a valid sample"
            + " descriptor: ")
        .contains("bsae");
    assertThat(collected.sources()).containsExactly("flat/D.java", "src/hw/B.java");
  }

  /** A sample {@code samples/name} with {@code sample.json} naming correct, and {@code patch}. */
  private Path patched(String name, String patch) throws IOException {
    write(base, "src/hw/Long.java", "package hw;\n\nclass Long {\n  int one() {\n    return 1;\n"
        + "  }\n}\n");
    Path sample = Files.createDirectories(samples.resolve(name));
    write(sample, SampleOverlay.DESCRIPTOR, "{\"base\": \"correct\"}");
    write(sample, SampleOverlay.PATCH, patch);
    return sample;
  }

  @Test
  void aPatchChangesABaseFileInPlace() throws IOException {
    mark();
    Path sample = patched("two", """
        --- correct/src/hw/Long.java
        +++ two/src/hw/Long.java
        @@ -2,5 +2,5 @@
        \s
         class Long {
           int one() {
        -    return 1;
        +    return 2;
           }
        """);

    SourceCollector.Collected collected = collect(sample);

    assertThat(collected.problems()).isEmpty();
    assertThat(collected.sources()).containsExactly("src/hw/A.java", "src/hw/B.java",
        "src/hw/C.java", "src/hw/Long.java");
    assertThat(collected("src/hw/Long.java"))
        .isEqualTo("package hw;\n\nclass Long {\n  int one() {\n    return 2;\n  }\n}\n");
  }

  @Test
  void aPatchToAnotherPathMovesTheFile() throws IOException {
    mark();
    Path sample = patched("flat", """
        --- correct/src/hw/Long.java
        +++ flat/Long.java
        @@ -1,4 +1,2 @@
        -package hw;
        -
         class Long {
           int one() {
        """);

    SourceCollector.Collected collected = collect(sample);

    assertThat(collected.problems()).isEmpty();
    assertThat(collected.sources()).containsExactly("Long.java", "src/hw/A.java",
        "src/hw/B.java", "src/hw/C.java");
    assertThat(collected("Long.java"))
        .isEqualTo("class Long {\n  int one() {\n    return 1;\n  }\n}\n");
  }

  @Test
  void aPatchThatNoLongerAppliesIsReportedAndTheSampleGradedAlone() throws IOException {
    mark();
    Path sample = patched("stale", """
        --- correct/src/hw/Long.java
        +++ stale/src/hw/Long.java
        @@ -4,3 +4,3 @@
           int one() {
        -    return 7;
        +    return 2;
           }
        """);
    write(sample, "Own.java", "own");

    SourceCollector.Collected collected = collect(sample);

    assertThat(collected.problems()).singleElement().asString()
        .startsWith("the sample's base was not added: stale/sample.patch does not apply to"
            + " correct/src/hw/Long.java");
    assertThat(collected.sources()).containsExactly("Own.java");
  }

  @ParameterizedTest
  @ValueSource(strings = {"correct/../samples/correct/src/hw/A.java", "other/src/hw/A.java",
      "/etc/passwd", "correct/"})
  void aPatchOfAFileOutsideTheBaseIsRefused(String from) throws IOException {
    mark();
    Path sample = patched("outside", "--- " + from + "\n+++ outside/src/hw/A.java\n"
        + "@@ -1 +1 @@\n-base A\n+patched A\n");

    SourceCollector.Collected collected = collect(sample);

    assertThat(collected.problems()).singleElement().asString()
        .startsWith("the sample's base was not added: outside/sample.patch: the patched file ")
        .endsWith(" is not a plain path under correct/");
    assertThat(collected.sources()).isEmpty();
  }

  @Test
  void aPatchThatWritesOutsideTheSampleIsRefused() throws IOException {
    mark();
    Path sample = patched("escape", "--- correct/src/hw/A.java\n+++ escape/../correct/A.java\n"
        + "@@ -1 +1 @@\n-base A\n+patched A\n");

    assertThat(collect(sample).problems()).containsExactly("the sample's base was not added:"
        + " escape/sample.patch: the patched file escape/../correct/A.java is not a plain path"
        + " under escape/");
  }

  @Test
  void aPatchedFileReachedThroughALinkOutOfTheBaseIsRefused() throws IOException {
    mark();
    Path outside = Files.createDirectories(temp.resolve("outside"));
    write(outside, "Secret.java", "secret\n");
    Files.createSymbolicLink(base.resolve("linked"), outside);
    Path sample = patched("through", "--- correct/linked/Secret.java\n"
        + "+++ through/Secret.java\n@@ -1 +1 @@\n-secret\n+leaked\n");

    assertThat(collect(sample).problems()).containsExactly("the sample's base was not added:"
        + " correct/linked/Secret.java is reached through a link out of correct");
  }
}
