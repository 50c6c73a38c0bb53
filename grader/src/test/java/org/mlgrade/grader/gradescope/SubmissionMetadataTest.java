package org.mlgrade.grader.gradescope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionMetadataTest {

  /** The example of Gradescope's submission_metadata.json documentation, comments removed. */
  private static final String DOCUMENTED = """
      { "id": 123456, "created_at": "2018-07-01T14:22:32.365935-07:00",
        "assignment": { "due_date": "2018-07-31T23:00:00.000000-07:00", "group_size": 4,
          "group_submission": true, "id": 25828, "course_id": 1234, "late_due_date": null,
          "release_date": "2018-07-02T00:00:00.000000-07:00",
          "title": "Programming Assignment 1", "total_points": "20.0" },
        "submission_method": "upload",
        "users": [ { "email": "student@example.com", "id": 1234, "name": "Student User" },
                   { "email": "other@example.com", "id": 1235, "name": "Other User" } ],
        "previous_submissions": [ { "submission_time": "2017-04-06T14:24:48.087023-07:00",
          "score": 0.0, "results": { "score": 0 } } ] }
      """;

  @Test
  void documentedFileKeepsStudentsAssignmentAndDates(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("submission_metadata.json"), DOCUMENTED);

    Map<String, Object> metadata = SubmissionMetadata.read(file);

    assertThat(metadata).containsEntry("id", 123456)
        .containsEntry("created_at", "2018-07-01T14:22:32.365935-07:00")
        .containsEntry("submission_method", "upload")
        .doesNotContainKey("previous_submissions");
    assertThat(metadata.get("assignment")).isEqualTo(Map.of(
        "title", "Programming Assignment 1", "id", 25828, "course_id", 1234,
        "due_date", "2018-07-31T23:00:00.000000-07:00",
        "release_date", "2018-07-02T00:00:00.000000-07:00", "total_points", "20.0"));
    assertThat(metadata.get("users")).isEqualTo(List.of(
        Map.of("name", "Student User", "email", "student@example.com", "id", 1234),
        Map.of("name", "Other User", "email", "other@example.com", "id", 1235)));
  }

  @Test
  void oddFieldsAreLeftOutAndNeverFail(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("m.json"), """
        { "assignment": "HW1", "users": [ "alice", { "name": ["A", "B"], "email": 7 } ],
          "created_at": { "when": "now" } }
        """);

    Map<String, Object> metadata = SubmissionMetadata.read(file);

    assertThat(metadata).doesNotContainKeys("assignment", "created_at");
    assertThat(metadata.get("users")).isEqualTo(List.of(Map.of("email", 7)));
  }

  @Test
  void missingFileIsEmptyAndBrokenFileSaysSo(@TempDir Path dir) throws Exception {
    assertThat(SubmissionMetadata.read(dir.resolve("absent.json"))).isEmpty();
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"users\": [");
    assertThat(SubmissionMetadata.read(broken)).containsOnlyKeys("unreadable");
    Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
    assertThat(SubmissionMetadata.read(array)).containsEntry("unreadable", "not a JSON object");
  }
}
