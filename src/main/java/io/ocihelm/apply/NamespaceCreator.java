package io.ocihelm.apply;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * {@code helm install --create-namespace}: the release's namespace, created when missing. Helm
 * compat: it carries the label {@code name: <namespace>} as helm's does, and it is not part of the
 * release (not in the manifest or the inventory), so an uninstall leaves it, as helm and Flux do.
 */
public final class NamespaceCreator {
  private final KubernetesClient client;

  public NamespaceCreator(KubernetesClient client) {
    this.client = client;
  }

  /** @return true when the namespace was created, false when it existed */
  public boolean ensure(String name) {
    Inventory.Entry entry = new Inventory.Entry("v1", "Namespace", "", name);
    try {
      if (client.namespaces().withName(name).get() != null) {
        // An existing namespace is not ours: nothing of it is taken over.
        return false;
      }
      Namespace namespace = new NamespaceBuilder().withNewMetadata().withName(name)
          .addToLabels("name", name).endMetadata().build();
      client.resource(namespace).fieldManager(ServerSideApplier.FIELD_MANAGER).serverSideApply();
      return true;
    } catch (KubernetesClientException e) {
      throw ServerSideApplier.classify(entry, e);
    }
  }
}
