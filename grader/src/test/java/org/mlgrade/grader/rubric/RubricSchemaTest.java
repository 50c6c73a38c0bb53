package org.mlgrade.grader.rubric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The published JSON Schema agrees with the loader and accepts the example rubrics. */
class RubricSchemaTest {

  /** The published schema, relative to the grader module (Maven runs tests from there). */
  private static final Path SCHEMA = Path.of("..", "rubrics", "schema", "rubric.schema.json");

  private static JsonNode schema() throws IOException {
    return new ObjectMapper().readTree(SCHEMA.toFile());
  }

  /** The example rubric's problems as a maintained JSON Schema validator sees them. */
  private static List<String> validate(String example) throws IOException {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    List<Error> errors = schema.validate(example(example).toString(), InputFormat.JSON);
    return errors.stream().map(e -> e.getInstanceLocation() + " " + e.getKeyword() + " "
        + (e.getProperty() == null ? "" : e.getProperty()) + ": " + e.getMessage()).toList();
  }

  private static JsonNode example(String name) throws IOException {
    Path file = RubricLoaderTest.resource(name);
    ObjectMapper mapper = LocatedTree.isYaml(file) ? new YAMLMapper() : new ObjectMapper();
    return mapper.readTree(file.toFile());
  }

  private static JsonNode definition(JsonNode schema, String name) {
    return name.equals("rubric") ? schema : schema.path("$defs").path(name);
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  @Test
  void schemaIsDraft2020Of12() throws IOException {
    assertThat(schema().path("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
  }

  @Test
  void schemaNamesExactlyTheFieldsTheLoaderAccepts() throws IOException {
    JsonNode schema = schema();

    for (Map.Entry<String, List<String>> kind : RubricFields.BY_SCHEMA_DEF.entrySet()) {
      JsonNode definition = definition(schema, kind.getKey());
      assertThat(names(definition.path("properties"))).as(kind.getKey())
          .containsExactlyElementsOf(kind.getValue());
      assertThat(definition.path("additionalProperties").asBoolean(true)).as(kind.getKey())
          .isFalse();
    }
  }

  @Test
  void everyObjectOfTheSchemaIsOneTheLoaderKnows() throws IOException {
    JsonNode schema = schema();
    List<String> objects = Stream.concat(Stream.of("rubric"),
            names(schema.path("$defs")).stream())
        .filter(name -> definition(schema, name).path("type").asText().equals("object"))
        .toList();

    assertThat(objects).containsExactlyInAnyOrderElementsOf(RubricFields.BY_SCHEMA_DEF.keySet());
  }

  @Test
  void schemaEnumsAreTheLoadersChoices() throws IOException {
    JsonNode schema = schema();

    assertThat(texts(schema.at("/properties/static_checks/items/enum")))
        .containsExactlyElementsOf(RubricLoader.STATIC_CHECK_IDS);
    assertThat(texts(schema.at("/properties/results_per/enum")))
        .containsExactlyElementsOf(RubricFields.RESULTS_PER);
    assertThat(texts(schema.at("/$defs/question/properties/scoring/enum")))
        .containsExactlyElementsOf(Stream.of(Scoring.values()).map(Scoring::rubricName).toList());
    assertThat(texts(schema.at("/$defs/visibility/enum"))).containsExactlyElementsOf(
        Stream.of(Visibility.values()).map(Visibility::gradescopeName).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"valid.json", "valid.yaml"})
  void exampleRubricsAreValidAgainstTheSchema(String name) throws IOException {
    assertThat(validate(name)).isEmpty();
  }

  @Test
  void schemaRejectsAMisspelledFieldAndAZeroCount() throws IOException {
    assertThat(validate("three-errors.yaml"))
        .anyMatch(problem -> problem.startsWith("/questions/0 additionalProperties tolerence:"))
        .anyMatch(problem -> problem.startsWith("/questions/0/tests/1 oneOf"))
        .anyMatch(problem -> problem.startsWith("/questions/0/tests/1/generate/count minimum"));
  }
}
