package org.mlgrade.grader.gradescope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Gradescope's {@code submission_metadata.json} says about a submission, kept for {@code
 * extra_data}: the submitters (name, email, id), the assignment (title, id, release and due
 * dates) and the submission's time and id. Every field is optional: a missing file, a missing
 * field or a field of an unexpected type is left out, never an error, because the grade must
 * not depend on it.
 */
public final class SubmissionMetadata {

  private static final List<String> ASSIGNMENT_FIELDS = List.of(
      "title", "id", "course_id", "release_date", "due_date", "late_due_date", "total_points");
  private static final List<String> USER_FIELDS = List.of("name", "email", "id");
  private static final List<String> SUBMISSION_FIELDS = List.of("id", "created_at",
      "submission_method");

  private SubmissionMetadata() {}

  /**
   * The metadata in {@code file} as plain maps, lists and scalars; empty when the file is
   * absent; {@code {"unreadable": why}} when it cannot be read as JSON.
   */
  public static Map<String, Object> read(Path file) {
    Map<String, Object> metadata = new TreeMap<>();
    if (!Files.isRegularFile(file)) {
      return metadata;
    }
    JsonNode root;
    try {
      root = JsonMapper.builder().build().readTree(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      metadata.put("unreadable", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      return metadata;
    }
    if (root == null || !root.isObject()) {
      metadata.put("unreadable", "not a JSON object");
      return metadata;
    }
    copy(root, SUBMISSION_FIELDS, metadata);
    JsonNode assignment = root.get("assignment");
    if (assignment != null && assignment.isObject()) {
      Map<String, Object> kept = new TreeMap<>();
      copy(assignment, ASSIGNMENT_FIELDS, kept);
      metadata.put("assignment", kept);
    }
    JsonNode users = root.get("users");
    if (users != null && users.isArray()) {
      List<Map<String, Object>> kept = new ArrayList<>();
      for (JsonNode user : users) {
        if (user.isObject()) {
          Map<String, Object> one = new TreeMap<>();
          copy(user, USER_FIELDS, one);
          kept.add(one);
        }
      }
      metadata.put("users", kept);
    }
    return metadata;
  }

  private static void copy(JsonNode from, List<String> fields, Map<String, Object> to) {
    for (String field : fields) {
      JsonNode value = from.get(field);
      if (value == null || value.isNull() || value.isContainerNode()) {
        continue;
      }
      to.put(field, value.isNumber() ? value.numberValue() : value.isBoolean()
          ? value.booleanValue() : value.asText());
    }
  }
}
