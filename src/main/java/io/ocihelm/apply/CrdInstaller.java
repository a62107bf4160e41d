package io.ocihelm.apply;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocihelm.chart.Chart;
import io.ocihelm.render.Manifest;
import io.ocihelm.render.ManifestSorter;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The chart's {@code crds/} directory (the whole chart tree's), applied before anything is
 * rendered, as {@code helm install} does: each file's documents, then a wait until every CRD
 * created or replaced is Established.
 *
 * <p>Helm compat: these CRDs are not release resources. They get no ownership marks, are not in
 * the inventory, and are never pruned or deleted on uninstall (deleting a CRD deletes every object
 * of its kinds in the cluster).
 */
public final class CrdInstaller {
  /** What to do with a CRD of the chart that exists already. */
  public enum Existing {
    /** Leave it as it is (helm install's "already present. Skipping."). */
    KEEP,
    /** Server-side apply the chart's version over it, taking its fields. */
    REPLACE
  }

  private final KubernetesClient client;
  private final CrdEstablishment established;

  public CrdInstaller(KubernetesClient client, CrdEstablishment established) {
    this.client = client;
    this.established = established;
  }

  /**
   * @return the names of the CRDs created or replaced (and waited for)
   * @throws ApplyException when the API server refuses one or it is not Established in time
   * @throws ManifestObjects.InvalidManifestException when a crds/ document is not an object
   */
  public List<String> install(List<Chart.Crd> files, Existing existing, Duration timeout) {
    List<String> changed = new ArrayList<>();
    for (GenericKubernetesResource object : objects(files)) {
      object.getMetadata().setNamespace(null);
      Inventory.Entry entry = new Inventory.Entry(object.getApiVersion(), object.getKind(), "", object.getMetadata().getName());
      try {
        if (existing == Existing.REPLACE) {
          client.resource(object).fieldManager(ServerSideApplier.FIELD_MANAGER).forceConflicts().serverSideApply();
        } else {
          client.resource(object).create();
        }
      } catch (KubernetesClientException e) {
        if (existing == Existing.KEEP && e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
          continue;
        }
        throw ServerSideApplier.classify(entry, e);
      }
      if (CrdEstablishment.isCrd(entry.apiVersion(), entry.kind())) {
        changed.add(entry.name());
      }
    }
    if (!changed.isEmpty()) {
      established.await(changed, timeout);
    }
    return changed;
  }

  private static List<GenericKubernetesResource> objects(List<Chart.Crd> files) {
    List<Manifest> documents = new ArrayList<>();
    for (Chart.Crd crd : files) {
      for (String document : ManifestSorter.split(crd.file().text())) {
        documents.add(new Manifest(crd.filename(), document, "", "", List.of()));
      }
    }
    return ManifestObjects.decode(documents);
  }
}
