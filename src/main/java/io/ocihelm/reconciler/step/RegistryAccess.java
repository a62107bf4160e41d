package io.ocihelm.reconciler.step;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.oci.BlobCache;
import io.ocihelm.oci.ChartPuller;
import io.ocihelm.oci.CredentialStore;
import io.ocihelm.oci.InvalidReferenceException;
import io.ocihelm.oci.RegistryClient;
import io.ocihelm.oci.RegistryOptions;
import io.ocihelm.oci.SecretCredentials;
import io.ocihelm.oci.TlsOptions;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.reconciler.watch.WatchedSources;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registry clients shared by all releases: one per distinct connection setting (the transport —
 * plain HTTP, or TLS with its CA, client certificate and insecureSkipVerify, compared by content —
 * and which credentials Secret), never one per release, and one blob cache for all, so a chart
 * is downloaded once per digest.
 *
 * <p>Bounded: a credentials Secret that changed (new resourceVersion) replaces its client, the old
 * one is closed; beyond {@link #MAX_CLIENTS} connection settings the least recently used client is
 * closed. A reconcile still using a client closed under it fails as RegistryUnavailable and is
 * retried (closing waits for requests in flight, so none is cut off).
 */
public final class RegistryAccess implements AutoCloseable {
  static final int MAX_CLIENTS = 128;

  /** Which client: the connection setting without the Secret's version. */
  private record Slot(TlsOptions tls, String secretNamespace, String secretName) {}

  /**
   * A client and the identity of its connection setting: releases with equal identities may share
   * what the registry answered (see {@link SharedResolutions}).
   */
  public record Connection(String identity, RegistryClient client) {}

  private final WatchedSources sources;
  private final RegistryOptions baseOptions;
  private final BlobCache cache;
  private final ClientPool<Slot, RegistryClient> clients = new ClientPool<>(MAX_CLIENTS, RegistryClient::close);

  public RegistryAccess(KubernetesClient kubernetes, RegistryOptions baseOptions, BlobCache cache) {
    this(new WatchedSources(kubernetes), baseOptions, cache);
  }

  public RegistryAccess(WatchedSources sources, RegistryOptions baseOptions, BlobCache cache) {
    this.sources = sources;
    this.baseOptions = baseOptions;
    this.cache = cache;
  }

  public RegistryClient client(ReleaseRequest request) {
    return connection(request).client();
  }

  public Connection connection(ReleaseRequest request) {
    OciHelmReleaseSpec spec = request.spec();
    TlsOptions tls = RegistryTlsSecret.options(sources, request);
    if (spec.getAuth() == null || spec.getAuth().getSecretRef() == null) {
      Slot slot = new Slot(tls, "", "");
      return new Connection(identity(slot, ""), clients.get(slot, "", () -> newClient(request, tls, CredentialStore.ANONYMOUS)));
    }
    String secretName = spec.getAuth().getSecretRef().getName();
    Secret secret = sources.secret(request.namespace(), secretName).orElseThrow(() ->
        // The Secret may be created after the release: retried, not stalled.
        ReconcileFailure.transientFailure(Reason.AuthenticationFailed,
            "auth secret " + request.namespace() + "/" + secretName + " not found", null));
    Slot slot = new Slot(tls, request.namespace(), secretName);
    String version = secret.getMetadata().getResourceVersion();
    return new Connection(identity(slot, version), clients.get(slot, version, () -> newClient(request, tls, credentials(secret))));
  }

  public ChartPuller puller(ReleaseRequest request) {
    return new ChartPuller(client(request), cache);
  }

  /** Connection settings with a client now (at most {@link #MAX_CLIENTS}). */
  public int clientCount() {
    return clients.size();
  }

  private static String identity(Slot slot, String resourceVersion) {
    return RegistryTlsSecret.identity(slot.tls()) + "|" + slot.secretNamespace() + "/" + slot.secretName()
        + "@" + resourceVersion;
  }

  private static CredentialStore credentials(Secret secret) {
    Map<String, byte[]> data = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
    }
    try {
      return SecretCredentials.from(secret.getType(), data);
    } catch (InvalidReferenceException e) {
      throw ReconcileFailure.terminal(Reason.AuthenticationFailed,
          "auth secret " + secret.getMetadata().getName() + ": " + e.getMessage(), e);
    }
  }

  private RegistryClient newClient(ReleaseRequest request, TlsOptions tls, CredentialStore credentials) {
    RegistryTlsSecret.requireUsable(request, tls);
    return new RegistryClient(baseOptions.withCredentials(credentials).withTls(host -> tls));
  }

  @Override
  public void close() {
    clients.closeAll();
  }
}
