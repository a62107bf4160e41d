package io.ocihelm.apply;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies rendered objects with server-side apply under the field manager {@value #FIELD_MANAGER},
 * in Helm's install order: namespaced kinds without a namespace get the release's target
 * namespace, every object gets the release's ownership marks. Stops at the first failure, so a
 * later object is never applied before an earlier one it may depend on. A CustomResourceDefinition
 * applied from the templates is waited for (Established) before anything after it, so objects of
 * its kinds find them served.
 */
public final class ServerSideApplier {
  public static final String FIELD_MANAGER = "ocihelm";
  private static final int TOO_MANY_REQUESTS = 429;
  /** Helm compat: how long helm install waits for the CRDs it created. */
  public static final Duration HELM_CRD_WAIT = Duration.ofSeconds(60);

  private final KubernetesClient client;
  private final ResourceScopes scopes;
  private final CrdEstablishment crds;

  public ServerSideApplier(KubernetesClient client, ResourceScopes scopes) {
    this(client, scopes, new CrdEstablishment(client, () -> {}));
  }

  public ServerSideApplier(KubernetesClient client, ResourceScopes scopes, CrdEstablishment crds) {
    this.client = client;
    this.scopes = scopes;
    this.crds = crds;
  }

  /** {@link #apply(List, String, ReleaseOwnership, boolean, Duration)} with Helm's CRD wait. */
  public Inventory apply(
      List<GenericKubernetesResource> objects, String targetNamespace, ReleaseOwnership ownership, boolean force) {
    return apply(objects, targetNamespace, ownership, force, HELM_CRD_WAIT);
  }

  /**
   * @param force take ownership of fields another manager holds (kubectl's --force-conflicts)
   * @param crdTimeout how long a CustomResourceDefinition of the templates may take to be Established
   * @return the inventory of everything applied
   * @throws ApplyConflictException when not forced and another manager owns a field
   * @throws ApplyException for any other refusal, transient or not
   */
  public Inventory apply(
      List<GenericKubernetesResource> objects, String targetNamespace, ReleaseOwnership ownership, boolean force,
      Duration crdTimeout) {
    List<Inventory.Entry> applied = new ArrayList<>();
    for (GenericKubernetesResource object : ApplyOrder.install(objects)) {
      Inventory.Entry entry = applyOne(object, targetNamespace, ownership::stamp, force);
      if (CrdEstablishment.isCrd(entry.apiVersion(), entry.kind())) {
        crds.await(List.of(entry.name()), crdTimeout);
      }
      applied.add(entry);
    }
    return Inventory.of(applied);
  }

  /**
   * Applies one object: namespace placed by its kind's scope, {@code marks} written into its
   * metadata, server-side applied.
   *
   * @return the object's inventory entry
   */
  public Inventory.Entry applyOne(
      GenericKubernetesResource object, String targetNamespace, Consumer<HasMetadata> marks, boolean force) {
    Inventory.Entry entry = place(object, targetNamespace);
    marks.accept(object);
    var request = client.resource(object).fieldManager(FIELD_MANAGER);
    try {
      (force ? request.forceConflicts() : request).serverSideApply();
    } catch (KubernetesClientException e) {
      throw classify(entry, e);
    }
    return entry;
  }

  /** Sets or clears the namespace by the kind's scope; the inventory entry of the result. */
  public Inventory.Entry place(GenericKubernetesResource object, String targetNamespace) {
    String apiVersion = object.getApiVersion();
    String kind = object.getKind();
    String name = object.getMetadata().getName();
    Inventory.Entry unplaced = new Inventory.Entry(apiVersion, kind, object.getMetadata().getNamespace(), name);
    boolean namespaced;
    try {
      namespaced = scopes.isNamespaced(apiVersion, kind)
          .orElseThrow(() -> new ApplyException(unplaced,
              "the API server does not serve kind " + kind + " in " + apiVersion, true, null));
    } catch (KubernetesClientException e) {
      throw classify(unplaced, e);
    }
    if (namespaced) {
      String namespace = object.getMetadata().getNamespace();
      if (namespace == null || namespace.isEmpty()) {
        object.getMetadata().setNamespace(targetNamespace);
      }
    } else {
      // Helm compat: a namespace on a cluster-scoped object is ignored, not an error.
      object.getMetadata().setNamespace(null);
    }
    return new Inventory.Entry(apiVersion, kind, object.getMetadata().getNamespace(), name);
  }

  public static ApplyException classify(Inventory.Entry entry, KubernetesClientException e) {
    int code = e.getCode();
    String message = e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage() : e.getMessage();
    if (code == HttpURLConnection.HTTP_CONFLICT) {
      return new ApplyConflictException(entry, message, e);
    }
    boolean isTransient = code == 0 || code == TOO_MANY_REQUESTS || code >= HttpURLConnection.HTTP_INTERNAL_ERROR;
    return new ApplyException(entry, message, isTransient, e);
  }
}
