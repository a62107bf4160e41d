package io.ocihelm.apply;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
  /**
   * The helm CLI's field manager (helm 3 and 4). Its fields on an object of the same release are
   * taken over: that is adopting a release first installed with {@code helm install} (DESIGN.md
   * §2a), which the next {@code helm upgrade} would have changed just the same.
   */
  public static final String HELM_CLI_FIELD_MANAGER = "helm";
  private static final int TOO_MANY_REQUESTS = 429;
  private static final Pattern CONFLICT_MANAGER = Pattern.compile("conflict with \"([^\"]+)\"");
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
      ApplyException failure = classify(entry, e);
      if (!(failure instanceof ApplyConflictException conflict) || !adoptedFromHelm(conflict, object)) {
        throw failure;
      }
      try {
        request.forceConflicts().serverSideApply();
      } catch (KubernetesClientException forced) {
        throw classify(entry, forced);
      }
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

  /**
   * True when only the helm CLI holds the conflicting fields and the live object belongs to the
   * same Helm release as {@code object} by Helm's ownership annotations.
   */
  private boolean adoptedFromHelm(ApplyConflictException conflict, GenericKubernetesResource object) {
    if (!conflict.managers().equals(Set.of(HELM_CLI_FIELD_MANAGER))) {
      return false;
    }
    GenericKubernetesResource live;
    try {
      live = client.resource(object).get();
    } catch (KubernetesClientException e) {
      return false;
    }
    Map<String, String> ours = object.getMetadata().getAnnotations();
    Map<String, String> theirs = live == null ? null : live.getMetadata().getAnnotations();
    if (ours == null || theirs == null || ours.get(ReleaseOwnership.RELEASE_NAME_ANNOTATION) == null) {
      return false;
    }
    return Objects.equals(ours.get(ReleaseOwnership.RELEASE_NAME_ANNOTATION), theirs.get(ReleaseOwnership.RELEASE_NAME_ANNOTATION))
        && Objects.equals(ours.get(ReleaseOwnership.RELEASE_NAMESPACE_ANNOTATION),
            theirs.get(ReleaseOwnership.RELEASE_NAMESPACE_ANNOTATION));
  }

  /** The managers named by a 409 of server-side apply ({@code conflict with "helm": .data.x}). */
  static Set<String> conflictManagers(KubernetesClientException e) {
    List<String> messages = new ArrayList<>();
    if (e.getStatus() != null && e.getStatus().getDetails() != null && e.getStatus().getDetails().getCauses() != null) {
      e.getStatus().getDetails().getCauses().forEach(cause -> messages.add(String.valueOf(cause.getMessage())));
    }
    if (messages.isEmpty()) {
      messages.add(String.valueOf(e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage()));
    }
    Set<String> managers = new LinkedHashSet<>();
    for (String message : messages) {
      Matcher matcher = CONFLICT_MANAGER.matcher(message);
      while (matcher.find()) {
        managers.add(matcher.group(1));
      }
    }
    return managers;
  }

  public static ApplyException classify(Inventory.Entry entry, KubernetesClientException e) {
    int code = e.getCode();
    String message = e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage() : e.getMessage();
    if (code == HttpURLConnection.HTTP_CONFLICT) {
      return new ApplyConflictException(entry, message, conflictManagers(e), e);
    }
    boolean isTransient = code == 0 || code == TOO_MANY_REQUESTS || code >= HttpURLConnection.HTTP_INTERNAL_ERROR;
    return new ApplyException(entry, message, isTransient, e);
  }
}
