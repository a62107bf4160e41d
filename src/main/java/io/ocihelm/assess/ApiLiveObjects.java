package io.ocihelm.assess;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.apply.Inventory;
import java.util.Optional;

/** {@link LiveObjects} by one GET per object: simple and exact, but an API call per question. */
public final class ApiLiveObjects implements LiveObjects {
  private final KubernetesClient client;

  public ApiLiveObjects(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public Optional<GenericKubernetesResource> get(Inventory.Entry entry) {
    var resources = client.genericKubernetesResources(entry.apiVersion(), entry.kind());
    GenericKubernetesResource live = entry.namespace().isEmpty()
        ? resources.withName(entry.name()).get()
        : resources.inNamespace(entry.namespace()).withName(entry.name()).get();
    return Optional.ofNullable(live);
  }
}
