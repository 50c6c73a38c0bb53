package org.mlgrade.grader.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mlgrade.reference.ProblemRegistry;

/** The example in rubrics/README.md is a real rubric: an instructor can start from it. */
class RubricReadmeExampleTest {

  @Test
  void theDocumentedExampleLoadsWithTheRealProblems() throws Exception {
    Path readme = Path.of("..", "rubrics", "README.md");
    Matcher yaml = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(readme));
    assertThat(yaml.find()).as("a yaml example in %s", readme).isTrue();
    Rubric rubric = new RubricLoader(ProblemRegistry.standard())
        .read(Path.of("rubrics/README-example.yaml"), yaml.group(1));
    assertThat(rubric.questions()).singleElement().satisfies(q -> {
      assertThat(q.problem().id()).isEqualTo("conv.output-shape");
      assertThat(q.tests()).hasSize(7);
    });
  }
}
