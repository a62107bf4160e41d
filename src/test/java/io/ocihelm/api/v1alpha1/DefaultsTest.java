package io.ocihelm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API server applies the defaults of the CRD; Java code that builds a spec (tests, the CLI)
 * starts from the field initializers. Both come from the same classes, and this checks they agree,
 * so neither has to be kept in sync by hand.
 */
class DefaultsTest {

  record Default(String schemaPath, JsonNode crdDefault, JsonNode javaValue) {
    @Override
    public String toString() {
      return schemaPath;
    }
  }

  static Stream<Default> defaults() {
    JsonNode schema = CrdFixtures.openApiSchema();
    List<Default> found = new ArrayList<>();
    collect(
        "spec",
        schema.at("/properties/spec"),
        Serialization.jsonMapper().valueToTree(new OciHelmReleaseSpec()),
        found);
    collect(
        "spec.valuesFrom[]",
        schema.at("/properties/spec/properties/valuesFrom/items"),
        Serialization.jsonMapper().valueToTree(new ValuesReference()),
        found);
    return found.stream();
  }

  private static void collect(String path, JsonNode schema, JsonNode javaValue, List<Default> found) {
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      String propertyPath = path + "." + property.getKey();
      JsonNode propertySchema = property.getValue();
      JsonNode javaProperty = javaValue.path(property.getKey());
      if (propertySchema.has("default")) {
        found.add(new Default(propertyPath, propertySchema.get("default"), javaProperty));
      }
      if (propertySchema.has("properties") && javaProperty.isObject()) {
        collect(propertyPath, propertySchema, javaProperty, found);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaults")
  void javaInitializerEqualsCrdDefault(Default d) {
    assertThat(d.javaValue()).isEqualTo(d.crdDefault());
  }

  @org.junit.jupiter.api.Test
  void everyDocumentedDefaultIsFound() {
    // spec defaults of DESIGN.md §2 plus the nested ones; guards the walk above against finding none
    assertThat(defaults().map(Default::schemaPath))
        .contains(
            "spec.interval",
            "spec.timeout",
            "spec.wait",
            "spec.prune",
            "spec.install.crds",
            "spec.upgrade.crds",
            "spec.upgrade.remediation.onExhausted",
            "spec.driftDetection.mode",
            "spec.valuesFrom[].valuesKey");
  }
}
