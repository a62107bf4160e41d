package io.ocihelm.testbed;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import java.util.function.Consumer;

/**
 * A user's edit of an OciHelmRelease's spec while the operator patches its status. fabric8's
 * {@code edit} is optimistic (it sends the resourceVersion it read), so a status patch in between
 * answers 409; like {@code kubectl edit} run again, the edit is re-read and re-applied.
 */
public final class ReleaseEdits {
  private static final int ATTEMPTS = 10;

  private ReleaseEdits() {}

  public static void editSpec(KubernetesClient client, String namespace, String name, Consumer<OciHelmReleaseSpec> change) {
    for (int attempt = 1; ; attempt++) {
      try {
        client.resources(OciHelmRelease.class).inNamespace(namespace).withName(name).edit(r -> {
          change.accept(r.getSpec());
          return r;
        });
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }
}
