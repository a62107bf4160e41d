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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Registry clients shared by all releases: one per distinct connection setting (plain HTTP or
 * not, which credentials Secret), never one per release, and one blob cache for all, so a chart
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
  private record Slot(boolean plainHttp, String secretNamespace, String secretName) {}

  private record Held(String resourceVersion, RegistryClient client) {}

  /**
   * A client and the identity of its connection setting: releases with equal identities may share
   * what the registry answered (see {@link SharedResolutions}).
   */
  public record Connection(String identity, RegistryClient client) {}

  private final WatchedSources sources;
  private final RegistryOptions baseOptions;
  private final BlobCache cache;
  private final Map<Slot, Held> clients = new LinkedHashMap<>(16, 0.75f, true);

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
    boolean plainHttp = Boolean.TRUE.equals(spec.getPlainHTTP());
    if (spec.getAuth() == null || spec.getAuth().getSecretRef() == null) {
      Slot slot = new Slot(plainHttp, "", "");
      return new Connection(identity(slot, ""), held(slot, "", () -> newClient(plainHttp, CredentialStore.ANONYMOUS)));
    }
    String secretName = spec.getAuth().getSecretRef().getName();
    Secret secret = sources.secret(request.namespace(), secretName).orElseThrow(() ->
        // The Secret may be created after the release: retried, not stalled.
        ReconcileFailure.transientFailure(Reason.AuthenticationFailed,
            "auth secret " + request.namespace() + "/" + secretName + " not found", null));
    Slot slot = new Slot(plainHttp, request.namespace(), secretName);
    String version = secret.getMetadata().getResourceVersion();
    return new Connection(identity(slot, version), held(slot, version, () -> newClient(plainHttp, credentials(secret))));
  }

  public ChartPuller puller(ReleaseRequest request) {
    return new ChartPuller(client(request), cache);
  }

  /** Connection settings with a client now (at most {@link #MAX_CLIENTS}). */
  public int clientCount() {
    synchronized (clients) {
      return clients.size();
    }
  }

  private static String identity(Slot slot, String resourceVersion) {
    return (slot.plainHttp() ? "http" : "https") + "|" + slot.secretNamespace() + "/" + slot.secretName()
        + "@" + resourceVersion;
  }

  private RegistryClient held(Slot slot, String resourceVersion, Supplier<RegistryClient> create) {
    List<RegistryClient> retired = new ArrayList<>();
    RegistryClient client;
    synchronized (clients) {
      Held held = clients.get(slot);
      if (held != null && held.resourceVersion().equals(resourceVersion)) {
        return held.client();
      }
      if (held != null) {
        retired.add(held.client());
      }
      client = create.get();
      clients.put(slot, new Held(resourceVersion, client));
      Iterator<Held> eldest = clients.values().iterator();
      while (clients.size() > MAX_CLIENTS) {
        retired.add(eldest.next().client());
        eldest.remove();
      }
    }
    // Outside the lock: close waits for requests in flight.
    retired.forEach(RegistryClient::close);
    return client;
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

  private RegistryClient newClient(boolean plainHttp, CredentialStore credentials) {
    TlsOptions tls = plainHttp ? TlsOptions.PLAIN_HTTP : TlsOptions.DEFAULT;
    return new RegistryClient(baseOptions.withCredentials(credentials).withTls(host -> tls));
  }

  @Override
  public void close() {
    List<RegistryClient> all;
    synchronized (clients) {
      all = clients.values().stream().map(Held::client).toList();
      clients.clear();
    }
    all.forEach(RegistryClient::close);
  }
}
