package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files users install and read (crds/, docs/examples/), loaded for the unit tests. */
final class CrdFixtures {

  static final Path EXAMPLES = Path.of("docs", "examples");
  static final ObjectMapper YAML = new YAMLMapper();

  private CrdFixtures() {}

  /** openAPIV3Schema of the checked-in CRD's only version. */
  static JsonNode openApiSchema() {
    return readYamlDocuments(CrdInSyncTest.CHECKED_IN)
        .getFirst()
        .at("/spec/versions/0/schema/openAPIV3Schema");
  }

  static List<Path> exampleFiles() {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ObjectNode> readYamlDocuments(Path file) {
    try {
      List<ObjectNode> documents = new ArrayList<>();
      try (var parser = new YAMLFactory().createParser(file.toFile())) {
        var values = YAML.readValues(parser, ObjectNode.class);
        while (values.hasNext()) {
          documents.add(values.next());
        }
      }
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<ObjectNode> releasesIn(Path file) {
    return readYamlDocuments(file).stream()
        .filter(d -> "OciHelmRelease".equals(d.path("kind").asText()))
        .toList();
  }
}
