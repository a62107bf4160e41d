package io.ocihelm.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.ocihelm.render.Manifest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Documents read like Helm's kube client reads them: YAML 1.1, integers stay integers. */
class ManifestObjectsTest {

  private static Manifest manifest(String content) {
    return new Manifest("demo/templates/x.yaml", content, "Deployment", "web", List.of());
  }

  @Test
  void integersReachTheApiServerAsIntegersAndYaml11BooleansAsBooleans() {
    GenericKubernetesResource object = ManifestObjects.decode(List.of(manifest(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  paused: yes\n  ratio: 0.5\n")))
        .getFirst();

    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) object.getAdditionalProperties().get("spec");
    assertThat(spec.get("replicas")).isEqualTo(2L);
    assertThat(spec.get("paused")).isEqualTo(true);
    assertThat(spec.get("ratio")).isEqualTo(0.5);
  }

  @Test
  void aDocumentWithoutANameIsRefused() {
    assertThatThrownBy(() -> ManifestObjects.decode(List.of(manifest("apiVersion: v1\nkind: ConfigMap\n"))))
        .isInstanceOf(ManifestObjects.InvalidManifestException.class)
        .hasMessageContaining("demo/templates/x.yaml");
  }
}
