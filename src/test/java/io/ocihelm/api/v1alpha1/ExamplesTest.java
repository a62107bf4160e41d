package io.ocihelm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented example matches the CRD's OpenAPI schema (patterns, enums, required fields) and
 * reads into the Java model. The API server itself (CEL rules included) is exercised by
 * OciHelmReleaseValidationIT; this catches a broken example without one.
 */
class ExamplesTest {

  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
          .getSchema(CrdFixtures.openApiSchema());

  static Stream<Path> examples() {
    return CrdFixtures.exampleFiles().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleMatchesTheSchemaAndReadsIntoTheModel(Path example) throws Exception {
    List<ObjectNode> releases = CrdFixtures.releasesIn(example);
    assertThat(releases).as("OciHelmReleases in %s", example).isNotEmpty();
    for (JsonNode release : releases) {
      List<Error> errors = SCHEMA.validate(release);
      assertThat(errors).as("schema errors in %s", example).isEmpty();

      OciHelmRelease parsed =
          Serialization.unmarshal(CrdFixtures.YAML.writeValueAsString(release), OciHelmRelease.class);
      assertThat(parsed.getSpec().getChart().getRepository())
          .isEqualTo(release.at("/spec/chart/repository").asText());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyCredentialSecretAnExampleNamesIsInTheSameFile(Path example) {
    List<ObjectNode> documents = CrdFixtures.readYamlDocuments(example);
    List<String> secrets =
        documents.stream()
            .filter(d -> "Secret".equals(d.path("kind").asText()))
            .map(d -> d.at("/metadata/name").asText())
            .toList();
    for (ObjectNode release : CrdFixtures.releasesIn(example)) {
      Stream.of("/spec/auth/secretRef/name", "/spec/tls/caSecretRef/name")
          .map(release::at)
          .filter(node -> !node.isMissingNode())
          .forEach(name -> assertThat(secrets).contains(name.asText()));
    }
  }
}
