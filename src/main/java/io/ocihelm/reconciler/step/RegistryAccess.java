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
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registry clients shared by all releases: one per distinct connection setting (plain HTTP or
 * not, which credentials Secret at which resourceVersion), never one per release, and one blob
 * cache for all, so a chart is downloaded once per digest.
 */
public final class RegistryAccess implements AutoCloseable {
  private record ClientKey(boolean plainHttp, String secretNamespace, String secretName, String resourceVersion) {}

  private final KubernetesClient kubernetes;
  private final RegistryOptions baseOptions;
  private final BlobCache cache;
  private final Map<ClientKey, RegistryClient> clients = new ConcurrentHashMap<>();

  public RegistryAccess(KubernetesClient kubernetes, RegistryOptions baseOptions, BlobCache cache) {
    this.kubernetes = kubernetes;
    this.baseOptions = baseOptions;
    this.cache = cache;
  }

  public RegistryClient client(ReleaseRequest request) {
    OciHelmReleaseSpec spec = request.spec();
    boolean plainHttp = Boolean.TRUE.equals(spec.getPlainHTTP());
    if (spec.getAuth() == null || spec.getAuth().getSecretRef() == null) {
      return clients.computeIfAbsent(
          new ClientKey(plainHttp, "", "", ""), key -> newClient(plainHttp, CredentialStore.ANONYMOUS));
    }
    String secretName = spec.getAuth().getSecretRef().getName();
    Secret secret = kubernetes.secrets().inNamespace(request.namespace()).withName(secretName).get();
    if (secret == null) {
      // The Secret may be created after the release: retried, not stalled.
      throw ReconcileFailure.transientFailure(Reason.AuthenticationFailed,
          "auth secret " + request.namespace() + "/" + secretName + " not found", null);
    }
    ClientKey key = new ClientKey(plainHttp, request.namespace(), secretName,
        secret.getMetadata().getResourceVersion());
    return clients.computeIfAbsent(key, k -> newClient(plainHttp, credentials(secret)));
  }

  public ChartPuller puller(ReleaseRequest request) {
    return new ChartPuller(client(request), cache);
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
    clients.values().forEach(RegistryClient::close);
  }
}
