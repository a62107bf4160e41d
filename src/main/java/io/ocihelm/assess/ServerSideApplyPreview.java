package io.ocihelm.assess;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.apply.ServerSideApplier;

/** {@link ApplyPreview} by a server-side apply with {@code dryRun=All}, forced, as ocihelm. */
public final class ServerSideApplyPreview implements ApplyPreview {
  private final KubernetesClient client;

  public ServerSideApplyPreview(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public GenericKubernetesResource preview(GenericKubernetesResource body) {
    return client.resource(body).dryRun().fieldManager(ServerSideApplier.FIELD_MANAGER).forceConflicts().serverSideApply();
  }
}
