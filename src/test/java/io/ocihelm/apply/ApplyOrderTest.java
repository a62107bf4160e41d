package io.ocihelm.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Helm's install order by kind, stable within a kind, unknown kinds last alphabetically. */
class ApplyOrderTest {

  private static GenericKubernetesResource object(String kind, String name) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion("v1");
    r.setKind(kind);
    r.setMetadata(new ObjectMetaBuilder().withName(name).build());
    return r;
  }

  @Test
  void installsInHelmsKindOrder() {
    List<GenericKubernetesResource> rendered = List.of(
        object("Deployment", "web"), object("Widget", "w"), object("Service", "web"),
        object("ConfigMap", "b"), object("Gadget", "g"), object("Namespace", "ns"), object("ConfigMap", "a"));

    assertThat(ApplyOrder.install(rendered))
        .extracting(r -> r.getKind() + "/" + r.getMetadata().getName())
        .containsExactly("Namespace/ns", "ConfigMap/b", "ConfigMap/a", "Service/web", "Deployment/web",
            "Gadget/g", "Widget/w");
  }

  @Test
  void deletesInReverse() {
    List<Inventory.Entry> entries = List.of(
        new Inventory.Entry("v1", "Namespace", "", "ns"),
        new Inventory.Entry("apps/v1", "Deployment", "ns", "web"),
        new Inventory.Entry("v1", "ConfigMap", "ns", "cfg"));

    assertThat(ApplyOrder.deletion(entries)).extracting(Inventory.Entry::kind)
        .containsExactly("Deployment", "ConfigMap", "Namespace");
  }
}
