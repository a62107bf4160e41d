package io.ocihelm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/api.md documents every field of the CRD, so the reference cannot fall behind the schema. */
class ApiDocsTest {

  @Test
  void everyFieldOfTheSchemaIsInTheReference() throws IOException {
    String reference = Files.readString(Path.of("docs", "api.md"));
    JsonNode schema = CrdFixtures.openApiSchema().path("properties");
    List<String> fields = new ArrayList<>();
    collect("spec", schema.path("spec"), fields);
    collect("status", schema.path("status"), fields);

    assertThat(fields).hasSizeGreaterThan(50);
    assertThat(fields)
        .as("fields missing from docs/api.md (write them as `path`)")
        .allSatisfy(field -> assertThat(reference).contains("`" + field + "`"));
  }

  @Test
  void everyExampleIsLinkedFromTheReference() throws IOException {
    String reference = Files.readString(Path.of("docs", "api.md"));
    assertThat(CrdFixtures.exampleFiles())
        .allSatisfy(f -> assertThat(reference).contains("](examples/" + f.getFileName() + ")"));
  }

  private static void collect(String path, JsonNode schema, List<String> fields) {
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String field = path + "." + property.getKey();
      JsonNode propertySchema = property.getValue();
      fields.add(field);
      collect(field, propertySchema, fields);
      collect(field + "[]", propertySchema.path("items"), fields);
    }
  }
}
