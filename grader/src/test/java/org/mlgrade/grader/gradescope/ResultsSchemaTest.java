package org.mlgrade.grader.gradescope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The schema the other tests rely on accepts Gradescope's own example and refuses what it must. */
class ResultsSchemaTest {

  /** The example of Gradescope's autograder specification, comments removed. */
  private static final String SPEC_EXAMPLE = """
      { "score": 44.0, "execution_time": 136, "output": "Text relevant to the entire submission",
        "output_format": "simple_format", "test_output_format": "text",
        "test_name_format": "text", "visibility": "after_due_date",
        "stdout_visibility": "visible", "extra_data": {},
        "tests": [
          { "score": 2.0, "max_score": 2.0, "status": "passed", "name": "Your name here",
            "name_format": "text", "number": "1.1", "output": "Giant multiline string",
            "output_format": "text", "tags": ["tag1", "tag2"], "visibility": "visible",
            "extra_data": {} } ],
        "leaderboard": [ { "name": "Accuracy", "value": 0.926 },
          { "name": "Time", "value": 15.1, "order": "asc" },
          { "name": "Stars", "value": "*****" } ] }
      """;

  @Test
  void gradescopesOwnExampleIsValid() {
    assertThat(ResultsSchema.violations(SPEC_EXAMPLE)).isEmpty();
  }

  @Test
  void unknownFieldsOtherVisibilitiesStringScoresAndOtherStatusesAreRefused() {
    assertThat(ResultsSchema.violations("{\"score\": 1, \"grade\": \"A\"}")).isNotEmpty();
    assertThat(ResultsSchema.violations("{\"score\": 1, \"visibility\": \"public\"}"))
        .isNotEmpty();
    assertThat(ResultsSchema.violations("{\"score\": \"1\"}")).isNotEmpty();
    assertThat(ResultsSchema.violations(
        "{\"tests\": [{\"score\": 1, \"max_score\": 1, \"status\": \"ok\"}]}")).isNotEmpty();
    assertThat(ResultsSchema.violations(
        "{\"tests\": [{\"max_score\": 1, \"status\": \"passed\"}]}"))
        .as("no score anywhere").isNotEmpty();
  }
}
