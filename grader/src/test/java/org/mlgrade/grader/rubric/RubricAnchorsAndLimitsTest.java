package org.mlgrade.grader.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlgrade.api.Shape;
import org.mlgrade.api.conv.Chain;
import org.mlgrade.api.testfake.Pooling;
import org.mlgrade.reference.ProblemRegistry;

/**
 * YAML anchors and aliases (they work, with errors placed where the text is), and the size limits
 * of a rubric (file, values, tests, one input), each refused with its own message before the work
 * it would cost. Positions are found in the texts below with {@code indexOf} (1-based).
 */
class RubricAnchorsAndLimitsTest {

  private final RubricLoader loader = new RubricLoader(FakeProblems.REGISTRY);

  @TempDir Path temp;

  private List<String> errors(String name, String text) {
    RubricException e = assertThrows(RubricException.class, () -> loader.read(Path.of(name), text));
    return e.errors().stream().map(RubricError::toString).toList();
  }

  private static String rubric(String... tests) {
    return "assignment: A\n"
        + "questions:\n"
        + "  - id: q1\n"
        + "    points: 2\n"
        + "    problem: fake.pool-shape\n"
        + "    tests:\n"
        + String.join("", tests);
  }

  /** "r.yaml:LINE:COL: " of the first {@code token} on the line that holds {@code marker}. */
  private static String at(String text, String marker, String token) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        return "r.yaml:" + (i + 1) + ":" + (lines.get(i).indexOf(token) + 1) + ": ";
      }
    }
    throw new AssertionError(marker + " not in the text");
  }

  @Test
  void anAliasStandsForTheValueItsAnchorWasPutOn() throws RubricException {
    String text =
        rubric(
            "      - {name: first, input: {height: 6, width: 8, window: &w {size: 2, stride: 2}}}\n",
            "      - {name: second, input: {height: 10, width: 4, window: *w}}\n");

    Rubric rubric = loader.read(Path.of("r.yaml"), text);

    assertThat(rubric.questions().get(0).tests())
        .extracting(TestCase::input)
        .containsExactly(
            new Pooling.Input(6, 8, new Pooling.Window(2, 2)),
            new Pooling.Input(10, 4, new Pooling.Window(2, 2)));
  }

  @Test
  void theDocumentedAliasExampleLoadsWithTheRealProblems() throws Exception {
    Matcher yaml =
        Pattern.compile("```yaml\\n(    tests:\\n.*?&net.*?)```", Pattern.DOTALL)
            .matcher(Files.readString(Path.of("..", "rubrics", "README.md")));
    assertThat(yaml.find()).as("the alias example in rubrics/README.md").isTrue();
    String text =
        "assignment: A\nquestions:\n  - id: q1\n    points: 1\n"
            + "    problem: conv.output-shape\n"
            + yaml.group(1);

    Rubric rubric = new RubricLoader(ProblemRegistry.standard()).read(Path.of("r.yaml"), text);

    List<TestCase> tests = rubric.questions().get(0).tests();
    assertThat(tests)
        .extracting(TestCase::name)
        .containsExactly("7x7 input", "32x32 input, same layers");
    assertThat(tests.get(1).input())
        .isEqualTo(new Chain(new Shape(32, 32, 3), ((Chain) tests.get(0).input()).layers()));
  }

  @Test
  void anErrorInsideAnAliasedValueIsPlacedWhereTheValueIsWritten() {
    String text =
        rubric(
            "      - {name: first, input: {height: 6, width: 8,"
                + " window: &w {size: 2, stride: 2, bad: 1}}}\n",
            "      - {name: second, input: {height: 10, width: 4, window: *w}}\n");

    // 'bad' is written once, in the first test: both tests' errors point there, each naming
    // its own test.
    assertThat(errors("r.yaml", text))
        .hasSize(2)
        .allSatisfy(
            error ->
                assertThat(error)
                    .startsWith(at(text, "first", "bad"))
                    .contains("unknown field 'bad' in the input"))
        .anySatisfy(error -> assertThat(error).contains("test 'first'"))
        .anySatisfy(error -> assertThat(error).contains("test 'second'"));
  }

  @Test
  void anAliasThatDoesNotFitWhereItIsUsedIsReportedAtTheAlias() {
    String text =
        rubric(
            "      - {name: first, input: {height: 6, width: 8, window: &w {size: 2, stride: 2}}}\n",
            "      - {name: second, input: {height: 10, width: *w, window: *w}}\n");

    assertThat(errors("r.yaml", text))
        .singleElement()
        .asString()
        .startsWith(at(text, "second", "*w"))
        .contains("test 'second'");
  }

  @Test
  void anUnknownAliasAScalarAliasAndAMergeKeyAreRefusedWhereTheyStand() {
    String unknown =
        rubric("      - {name: first, input: {height: 6, width: 8, window: *nowhere}}\n");
    String scalar =
        rubric(
            "      - {name: first, input: {height: 6, width: &n 8, window: {size: 2, stride: 2}}}\n",
            "      - {name: second, input: {height: *n, width: 8, window: {size: 2, stride: 2}}}\n");
    String merge =
        rubric(
            "      - {name: first, input: {height: 6, width: 8, window: &w {size: 2, stride: 2}}}\n",
            "      - {name: second, input: {height: 6, width: 8, window: {<<: *w, stride: 1}}}\n");

    assertThat(errors("r.yaml", unknown))
        .containsExactly(
            at(unknown, "first", "*nowhere")
                + "the alias *nowhere names no list or object anchored &nowhere before it (anchors work"
                + " on lists and objects, not on single numbers or strings)");
    assertThat(errors("r.yaml", scalar))
        .singleElement()
        .asString()
        .startsWith(at(scalar, "second", "*n"))
        .contains("not on single numbers or strings");
    assertThat(errors("r.yaml", merge))
        .singleElement()
        .asString()
        .startsWith(at(merge, "second", "<<"))
        .contains("merge keys ('<<') are not supported");
  }

  @Test
  void aliasesThatExpandBeyondTheValueLimitAreRefusedAtTheAliasThatPassesIt() {
    // Each level repeats the one before ten times: level g holds 10^7 numbers, in 8 lines.
    StringBuilder text = new StringBuilder("a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n");
    for (char level = 'b'; level <= 'g'; level++) {
      String before = "*" + (char) (level - 1);
      text.append(level)
          .append(": &")
          .append(level)
          .append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(10, before)))
          .append("]\n");
    }

    assertThat(errors("r.yaml", text.toString()))
        .singleElement()
        .asString()
        .startsWith("r.yaml:7:")
        .contains("more than " + LocatedTree.MAX_VALUES + " values")
        .contains("counting each alias as the value it repeats");
  }

  @Test
  void oneInputMayHoldAtMostAMillionValues() {
    String row = IntStream.range(0, 1000).mapToObj(i -> "0").collect(Collectors.joining(", "));
    String rows = String.join(", ", java.util.Collections.nCopies(1000, "*r"));
    // 1001 rows of 1000 zeros, the rows, 'pad', the input, height, width, window, size, stride:
    // 1001000 + 1001 + 1 + 1 + 2 + 1 + 2 = 1002008 values.
    String text =
        rubric(
            "      - {name: big, input: {height: 6, width: 8, window: {size: 2,"
                + " stride: 2}, pad: [&r ["
                + row
                + "], "
                + rows
                + "]}}\n");

    assertThat(errors("r.yaml", text))
        .singleElement()
        .asString()
        .startsWith(at(text, "big", "{height"))
        .contains("holds 1002008 values")
        .contains("one input may hold at most " + InputReader.MAX_INPUT_VALUES);
  }

  @Test
  void moreTestsThanTheLimitAreRefusedBeforeAnyIsGenerated() {
    String text =
        rubric(
            "      - generate: {count: 10000, seed: 1}\n",
            "      - generate: {count: 5, seed: 2, first: 10000}\n");

    assertThat(errors("r.yaml", text))
        .containsExactly(
            "r.yaml:3:3: the rubric has 10005 tests;"
                + " a rubric may have at most 10000 (each one is a call of every submission)");
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws IOException {
    Path big = temp.resolve("big.json");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(RubricLoader.MAX_FILE_BYTES + 1); // sparse: nothing is written
    }

    RubricException e = assertThrows(RubricException.class, () -> loader.load(big));
    assertThat(e.errors())
        .singleElement()
        .asString()
        .isEqualTo(
            big
                + ":1:1: the rubric file has"
                + " 16777217 bytes; a rubric may have at most 16777216 (16 MiB), and a YAML rubric at"
                + " most 3145728 characters (3 MiB): generate tests (generate: {count: ...}) instead of"
                + " listing them");
  }

  @Test
  void nestingBeyondTheParsersDepthLimitIsRefusedWithoutJavaNames() {
    String deep = "[".repeat(1001) + "]".repeat(1001);

    for (String name : List.of("d.json", "d.yaml")) {
      assertThat(errors(name, deep))
          .singleElement()
          .asString()
          .contains("nesting depth (1001) exceeds the maximum allowed (1000)")
          .doesNotContain("StreamReadConstraints", "`");
    }
  }

  @Test
  void aJsonSyntaxErrorNamesTheStartOfTheOpenObjectWithoutJackson() {
    assertThat(errors("x.json", "{\"assignment\": \"HW\",\n \"questions\": [}\n"))
        .singleElement()
        .asString()
        .isEqualTo(
            "x.json:2:16: JSON syntax error: Unexpected close marker '}': expected ']'"
                + " (for Array starting at line 2, column 15)");
  }
}
