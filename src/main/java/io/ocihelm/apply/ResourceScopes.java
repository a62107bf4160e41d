package io.ocihelm.apply;

import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which kinds are namespaced, as the API server's discovery says (CRDs included), cached per
 * apiVersion for the life of the process: one discovery call per group version, not per object.
 * A group version that is not served yet (a CRD applied moments ago) is not cached, so the next
 * ask sees it.
 */
public final class ResourceScopes {
  private final KubernetesClient client;
  private final Map<String, Map<String, Boolean>> namespacedByApiVersion = new ConcurrentHashMap<>();

  public ResourceScopes(KubernetesClient client) {
    this.client = client;
  }

  /** True for namespaced kinds, false for cluster-scoped ones, empty when the server lacks the kind. */
  public Optional<Boolean> isNamespaced(String apiVersion, String kind) {
    Map<String, Boolean> kinds = namespacedByApiVersion.get(apiVersion);
    if (kinds == null || !kinds.containsKey(kind)) {
      kinds = discover(apiVersion);
      if (!kinds.isEmpty()) {
        namespacedByApiVersion.put(apiVersion, kinds);
      }
    }
    return Optional.ofNullable(kinds.get(kind));
  }

  private Map<String, Boolean> discover(String apiVersion) {
    APIResourceList list = client.getApiResources(apiVersion);
    Map<String, Boolean> kinds = new ConcurrentHashMap<>();
    if (list == null || list.getResources() == null) {
      return kinds;
    }
    for (APIResource resource : list.getResources()) {
      // Subresources ("deployments/status") repeat their parent's kind; the parent decides.
      if (!resource.getName().contains("/")) {
        kinds.put(resource.getKind(), Boolean.TRUE.equals(resource.getNamespaced()));
      }
    }
    return kinds;
  }
}
