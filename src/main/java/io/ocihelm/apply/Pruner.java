package io.ocihelm.apply;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deletes what an earlier revision applied and the current one no longer renders, in reverse
 * install order, leaving objects annotated {@value #RESOURCE_POLICY_ANNOTATION}:
 * {@value #KEEP} alone as Helm does. An object already gone counts as deleted.
 */
public final class Pruner {
  public static final String RESOURCE_POLICY_ANNOTATION = "helm.sh/resource-policy";
  public static final String KEEP = "keep";

  /** What a prune did. */
  public record Result(List<Inventory.Entry> deleted, List<Inventory.Entry> kept) {}

  private final KubernetesClient client;

  public Pruner(KubernetesClient client) {
    this.client = client;
  }

  public Result prune(Inventory previous, Inventory current) {
    return delete(previous.missingFrom(current));
  }

  /** Deletes {@code entries} (an uninstall passes the whole inventory), honouring keep. */
  public Result delete(List<Inventory.Entry> entries) {
    List<Inventory.Entry> deleted = new ArrayList<>();
    List<Inventory.Entry> kept = new ArrayList<>();
    for (Inventory.Entry entry : ApplyOrder.deletion(entries)) {
      Resource<GenericKubernetesResource> resource = resource(entry);
      try {
        GenericKubernetesResource live = resource.get();
        if (live != null && keeps(live)) {
          kept.add(entry);
          continue;
        }
        if (live != null) {
          resource.delete();
        }
        deleted.add(entry);
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          // The kind itself is gone (its CRD was deleted): so is the object.
          deleted.add(entry);
          continue;
        }
        throw ServerSideApplier.classify(entry, e);
      }
    }
    return new Result(List.copyOf(deleted), List.copyOf(kept));
  }

  private Resource<GenericKubernetesResource> resource(Inventory.Entry entry) {
    var kind = client.genericKubernetesResources(entry.apiVersion(), entry.kind());
    return entry.namespace().isEmpty()
        ? kind.withName(entry.name())
        : kind.inNamespace(entry.namespace()).withName(entry.name());
  }

  private static boolean keeps(GenericKubernetesResource live) {
    Map<String, String> annotations = live.getMetadata().getAnnotations();
    return annotations != null && KEEP.equals(annotations.get(RESOURCE_POLICY_ANNOTATION));
  }
}
