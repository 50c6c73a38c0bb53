package org.mlgrade.grader.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rubrics that validate must grade, and those that do not must say why in the author's terms: NaN
 * and infinities refused where they stand, the YAML parser's own problem and position (a tab as a
 * tab), numbers out of range located, limits of size stated, no Java class names. Positions are
 * counted by hand in the texts below (1-based line and column).
 */
class RubricValidationTest {

  private final RubricLoader loader = new RubricLoader(FakeProblems.REGISTRY);

  @TempDir Path temp;

  private List<String> errors(String name, String text) {
    RubricException e =
        Assertions.assertThrows(RubricException.class, () -> loader.read(Path.of(name), text));
    return e.errors().stream().map(RubricError::toString).toList();
  }

  private static String rubric(String input) {
    return "assignment: A\n"
        + "questions:\n"
        + "  - id: q1\n"
        + "    points: 1\n"
        + "    problem: fake.pool-shape\n"
        + "    tests:\n"
        + "      - input: "
        + input
        + "\n";
  }

  /** "r.yaml:LINE:COL: " of the first {@code token} on line 7, where every test input stands. */
  private static String at(String input, String token) {
    String line = rubric(input).lines().toList().get(6);
    return "r.yaml:7:" + (line.indexOf(token) + 1) + ": ";
  }

  @Test
  void nanAndInfinityInAnInputAreRefusedWhereTheyStand() {
    String nan = "{height: .nan, width: 4, window: {size: 1, stride: 1}}";
    String inf = "{height: 4, width: 4, window: {size: -.inf, stride: 1}}";
    String text = "{height: \"NaN\", width: 4, window: {size: 1, stride: 1}}";

    assertThat(errors("r.yaml", rubric(nan)))
        .singleElement()
        .asString()
        .startsWith(at(nan, ".nan"))
        .contains("NaN and infinities are not allowed in test inputs");
    assertThat(errors("r.yaml", rubric(inf)))
        .singleElement()
        .asString()
        .startsWith(at(inf, "-.inf"));
    assertThat(errors("r.yaml", rubric(text)))
        .singleElement()
        .asString()
        .startsWith(at(text, "\"NaN\""));
  }

  @Test
  void aNumberOutOfRangeIsLocatedAndNamed() {
    String input = "{height: 4, width: 99999999999, window: {size: 1, stride: 1}}";
    assertThat(errors("r.yaml", rubric(input)))
        .singleElement()
        .asString()
        .startsWith(at(input, "99999999999"))
        .contains("the number 99999999999 is out of range of int")
        .doesNotContain("Source:", "reference chain");
  }

  @Test
  void aTabIndentationIsReportedAsSuchOnItsLine() {
    assertThat(errors("r.yaml", "assignment: A\nquestions:\n\t- id: q1\n"))
        .singleElement()
        .asString()
        .startsWith("r.yaml:3:1: YAML syntax error: ")
        .contains("TAB");
  }

  @Test
  void theYamlSizeLimitHasItsOwnMessage() {
    String big = "assignment: \"" + "x".repeat(3 * 1024 * 1024) + "\"\n";
    assertThat(errors("r.yaml", big))
        .singleElement()
        .asString()
        .startsWith("r.yaml:1:1: the rubric has ")
        .contains("at most 3145728 (3 MiB)")
        .doesNotContain("syntax error");
  }

  @Test
  void unreadableFilesAreExplainedWithoutJavaClassNames() throws IOException {
    Path latin1 =
        Files.write(
            temp.resolve("latin1.yaml"),
            "assignment: Gau\u00dfian\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> loader.load(latin1))
        .isInstanceOf(RubricException.class)
        .hasMessageContaining("not UTF-8")
        .hasMessageNotContaining("Exception");
    assertThatThrownBy(() -> loader.load(temp.resolve("missing.yaml")))
        .isInstanceOf(RubricException.class)
        .hasMessageContaining("no such file")
        .hasMessageNotContaining("Exception");
  }

  @Test
  void anUnknownScoringIsAnErrorAtItsValueNotACrash() {
    // Found by mutating the bundled rubrics: a question with points, tests and an unknown
    // scoring used to end in a NullPointerException instead of this error.
    String text =
        "assignment: A\n"
            + "questions:\n"
            + "  - id: q1\n"
            + "    points: 1\n"
            + "    problem: fake.pool-shape\n"
            + "    scoring: hidden\n"
            + "    tests:\n"
            + "      - input: {height: 4, width: 4, window: {size: 1, stride: 1}}\n";
    assertThat(errors("r.yaml", text))
        .containsExactly(
            "r.yaml:6:14: 'scoring' of question 'q1'"
                + " must be one of per_test, proportional, all_or_nothing, per_part, got 'hidden'");
  }

  @Test
  void jacksonHintsAndQualifiedNamesAreRemoved() {
    assertThat(
            RubricReader.plain(
                "Cannot coerce String value (\"a\") to `int` value (but could "
                    + "if coercion was enabled using `CoercionConfig`) for java.lang.Integer"))
        .isEqualTo("Cannot coerce String value (\"a\") to int value for Integer");
  }
}
