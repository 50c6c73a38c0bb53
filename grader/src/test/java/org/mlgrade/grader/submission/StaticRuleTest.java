package org.mlgrade.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each rule against its example in {@code submission/rules/<id>}: exactly the lines marked {@code
 * /*FLAG*&#47;} are findings; comments and strings that mention the API are not.
 */
class StaticRuleTest {

  @TempDir static Path shared;

  private static InProcessCompiler compiler;

  @TempDir Path temp;

  @BeforeAll
  static void compileApi() {
    compiler = new InProcessCompiler(Fixtures.compileApi(shared));
  }

  @ParameterizedTest
  @EnumSource(StaticRule.class)
  void ruleFindsExactlyTheMarkedLines(StaticRule rule) throws IOException {
    Path example = Fixtures.resource("rules/" + rule.id());
    Path source = Fixtures.sourcesUnder(example).get(0);
    String file = example.relativize(source).toString();

    CompiledSubmission compiled =
        compiler.compile(example, temp.resolve("work"), Set.of(rule.id()));

    assertThat(compiled.excluded()).as("the example compiles").isEmpty();
    assertThat(compiled.findings())
        .allSatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo(rule.id());
              assertThat(f.file()).isEqualTo(file);
              assertThat(f.message()).contains(rule.what()).contains(rule.id());
            });
    assertThat(compiled.findings())
        .extracting(StaticFinding::line)
        .containsExactlyElementsOf(markedLines(source));
  }

  @ParameterizedTest
  @EnumSource(StaticRule.class)
  void otherRulesDoNotFireOnTheExample(StaticRule rule) {
    Set<String> others = new HashSet<>(StaticRule.ids());
    others.remove(rule.id());
    if (rule == StaticRule.NO_CLASS_LOADING) {
      // By design: jars are files, URLClassLoader is java.net, class loaders are reflection.
      others.removeAll(Set.of("no-file-io", "no-network", "no-reflection"));
    }

    CompiledSubmission compiled =
        compiler.compile(Fixtures.resource("rules/" + rule.id()), temp.resolve("work"), others);

    assertThat(compiled.findings()).isEmpty();
  }

  @Test
  void aCleanSubmissionHasNoFindings() {
    CompiledSubmission compiled =
        compiler.compile(Fixtures.resource("multipackage"), temp.resolve("work"), StaticRule.ids());

    assertThat(compiled.findings()).isEmpty();
  }

  @Test
  void findingsNameWhatWasUsed() {
    CompiledSubmission compiled =
        compiler.compile(
            Fixtures.resource("rules/no-exit"), temp.resolve("work"), Set.of("no-exit"));

    assertThat(compiled.findings().get(0))
        .isEqualTo(
            new StaticFinding(
                "no-exit",
                "Exit.java",
                10,
                "uses java.lang.System.exit: ending the program is not allowed (no-exit)"));
  }

  @Test
  void everyRuleIdIsKnown() {
    assertThat(StaticRule.ids())
        .containsExactlyInAnyOrder(
            "no-network",
            "no-process",
            "no-reflection",
            "no-file-io",
            "no-exit",
            "no-threads",
            "no-class-loading",
            "no-proc");
    assertThat(StaticRule.byId("no-exit")).contains(StaticRule.NO_EXIT);
    assertThat(StaticRule.byId("no-teleport")).isEmpty();
  }

  private static List<Long> markedLines(Path source) throws IOException {
    List<String> lines = Files.readAllLines(source);
    List<Long> marked = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("/*FLAG*/")) {
        marked.add(i + 1L);
      }
    }
    return marked;
  }
}
