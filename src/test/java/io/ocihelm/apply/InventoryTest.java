package io.ocihelm.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTest {
  private static final Inventory.Entry CM = new Inventory.Entry("v1", "ConfigMap", "ns", "cfg");
  private static final Inventory.Entry SVC = new Inventory.Entry("v1", "Service", "ns", "web");
  private static final Inventory.Entry DEPLOY = new Inventory.Entry("apps/v1", "Deployment", "ns", "web");
  private static final Inventory.Entry CLUSTER_ROLE =
      new Inventory.Entry("rbac.authorization.k8s.io/v1", "ClusterRole", null, "reader");

  @Test
  void sortsByApiVersionKindNamespaceNameAndDropsDuplicates() {
    Inventory inventory = Inventory.of(List.of(SVC, CLUSTER_ROLE, CM, DEPLOY, CM));

    assertThat(inventory.entries()).containsExactly(DEPLOY, CLUSTER_ROLE, CM, SVC);
    assertThat(CLUSTER_ROLE.namespace()).isEmpty();
  }

  @Test
  void missingFromIsWhatAPruneDeletes() {
    Inventory previous = Inventory.of(List.of(CM, SVC, DEPLOY));
    Inventory current = Inventory.of(List.of(DEPLOY, CLUSTER_ROLE));

    assertThat(previous.missingFrom(current)).containsExactly(CM, SVC);
    assertThat(current.missingFrom(current)).isEmpty();
  }
}
