package org.mlgrade.grader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code submission_metadata.yml} of a Gradescope "Export Submissions" download: one entry
 * per submission folder, written by Ruby with symbol keys, e.g.
 *
 * <pre>
 * submission_12345:
 *   :submitters:
 *   - :name: Ada Lovelace
 *     :sid: '1815'
 *     :email: ada@example.edu
 *   :created_at: 2024-01-01 12:00:00.000000000 -08:00
 *   :score: 10.0
 * </pre>
 *
 * <p>Only the submitters are read. A group submission lists several submitters; their names and
 * emails are joined with "; ".
 */
final class GradescopeMetadata {

  /** The file's name at the root of an export. */
  static final String FILE = "submission_metadata.yml";

  private GradescopeMetadata() {}

  /** Who submitted, for one submission folder. */
  record Submitters(String names, String emails) {}

  /**
   * The submitters of each submission folder named in {@code file}.
   *
   * @throws IOException when the file cannot be read or is not YAML
   */
  static Map<String, Submitters> read(Path file) throws IOException {
    JsonNode root = new YAMLMapper().readTree(file.toFile());
    Map<String, Submitters> submissions = new TreeMap<>();
    if (root == null || !root.isObject()) {
      throw new IOException(file + ": expected a map from submission folder to its metadata");
    }
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      List<String> names = new ArrayList<>();
      List<String> emails = new ArrayList<>();
      for (JsonNode submitter : symbol(field.getValue(), "submitters")) {
        add(names, symbol(submitter, "name"));
        add(emails, symbol(submitter, "email"));
      }
      submissions.put(field.getKey(), new Submitters(String.join("; ", names),
          String.join("; ", emails)));
    }
    return submissions;
  }

  /** The value of Ruby symbol key {@code :key} (or of plain {@code key}). */
  private static JsonNode symbol(JsonNode node, String key) {
    JsonNode value = node.path(":" + key);
    return value.isMissingNode() ? node.path(key) : value;
  }

  private static void add(List<String> to, JsonNode value) {
    if (value.isValueNode() && !value.isNull() && !value.asText().isBlank()) {
      to.add(value.asText().trim());
    }
  }
}
