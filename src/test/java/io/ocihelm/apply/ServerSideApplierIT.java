package io.ocihelm.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.render.Manifest;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What only the real API server can show: SSA ownership conflicts, scopes from discovery, keep. */
@ExtendWith(TestBed.class)
class ServerSideApplierIT {

  private static List<GenericKubernetesResource> objects(String yaml) {
    return ManifestObjects.decode(List.of(new Manifest("demo/templates/x.yaml", yaml, "", "", List.of())));
  }

  @Test
  void defaultsNamespacesByDiscoveryAndReportsConflictsUnlessForced(KubernetesClient admin, TestNamespace ns) {
    ServerSideApplier applier = new ServerSideApplier(admin, new ResourceScopes(admin));
    ReleaseOwnership ownership = new ReleaseOwnership("demo", ns.name(), "ops.demo");
    String clusterRole = ns.name() + "-reader";
    admin.resource(new ConfigMapBuilder().withNewMetadata().withName("taken").withNamespace(ns.name()).endMetadata()
        .addToData("greeting", "theirs").build()).fieldManager("someone-else").serverSideApply();
    try {
      Inventory inventory = applier.apply(objects("""
          apiVersion: rbac.authorization.k8s.io/v1
          kind: ClusterRole
          metadata:
            name: %s
            namespace: ignored
          rules: []
          """.formatted(clusterRole)), ns.name(), ownership, false);
      assertThat(inventory.entries()).containsExactly(
          new Inventory.Entry("rbac.authorization.k8s.io/v1", "ClusterRole", "", clusterRole));
      assertThat(admin.rbac().clusterRoles().withName(clusterRole).get().getMetadata().getLabels())
          .containsEntry("ocihelm.io/release", "ops.demo");

      String mine = """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: taken
          data:
            greeting: ours
          """;
      assertThatThrownBy(() -> applier.apply(objects(mine), ns.name(), ownership, false))
          .isInstanceOf(ApplyConflictException.class)
          .hasMessageContaining("v1 ConfigMap " + ns.name() + "/taken")
          .hasMessageContaining("someone-else");
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("taken").get().getData())
          .containsEntry("greeting", "theirs");

      applier.apply(objects(mine), ns.name(), ownership, true);
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("taken").get().getData())
          .containsEntry("greeting", "ours");
    } finally {
      admin.rbac().clusterRoles().withName(clusterRole).delete();
    }
  }

  @Test
  void prunesWhatTheNewInventoryLacksExceptWhatHelmKeeps(KubernetesClient admin, TestNamespace ns) {
    ServerSideApplier applier = new ServerSideApplier(admin, new ResourceScopes(admin));
    ReleaseOwnership ownership = new ReleaseOwnership("demo", ns.name(), "ops.demo");
    List<GenericKubernetesResource> rendered = ManifestObjects.decode(List.of(
        new Manifest("demo/templates/gone.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gone\n",
            "ConfigMap", "gone", List.of()),
        new Manifest("demo/templates/kept.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: kept
              annotations:
                helm.sh/resource-policy: keep
            """, "ConfigMap", "kept", List.of())));
    Inventory applied = applier.apply(rendered, ns.name(), ownership, false);
    Inventory.Entry vanished = new Inventory.Entry("v1", "ConfigMap", ns.name(), "never-existed");
    List<Inventory.Entry> previous = new java.util.ArrayList<>(applied.entries());
    previous.add(vanished);

    Pruner.Result result = new Pruner(admin).prune(Inventory.of(previous), Inventory.EMPTY);

    assertThat(result.deleted()).extracting(Inventory.Entry::name).containsExactlyInAnyOrder("gone", "never-existed");
    assertThat(result.kept()).extracting(Inventory.Entry::name).containsExactly("kept");
    assertThat(admin.configMaps().inNamespace(ns.name()).withName("gone").get()).isNull();
    assertThat(admin.configMaps().inNamespace(ns.name()).withName("kept").get()).isNotNull();
  }
}
