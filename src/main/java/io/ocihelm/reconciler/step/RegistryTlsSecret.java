package io.ocihelm.reconciler.step;

import io.fabric8.kubernetes.api.model.Secret;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.api.v1alpha1.RegistryTls;
import io.ocihelm.oci.InvalidReferenceException;
import io.ocihelm.oci.TlsOptions;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.reconciler.watch.WatchedSources;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * spec.plainHTTP and spec.tls as the registry client's {@link TlsOptions}: the CA bundle
 * ({@code ca.crt}) and client certificate ({@code tls.crt} + {@code tls.key}) come from the
 * Secret named by {@code caSecretRef}, the same keys as a {@code kubernetes.io/tls} Secret (or one
 * made by cert-manager). Problems are reported naming the Secret and the entry, never its content.
 */
final class RegistryTlsSecret {
  static final String CA = "ca.crt";
  static final String CERT = "tls.crt";
  static final String KEY = "tls.key";

  private RegistryTlsSecret() {}

  static TlsOptions options(WatchedSources sources, ReleaseRequest request) {
    OciHelmReleaseSpec spec = request.spec();
    if (Boolean.TRUE.equals(spec.getPlainHTTP())) {
      // The API refuses plainHTTP together with spec.tls (a CEL rule), so nothing is lost here.
      return TlsOptions.PLAIN_HTTP;
    }
    RegistryTls tls = spec.getTls();
    if (tls == null) {
      return TlsOptions.DEFAULT;
    }
    boolean insecure = Boolean.TRUE.equals(tls.getInsecureSkipVerify());
    if (tls.getCaSecretRef() == null) {
      return insecure ? new TlsOptions(false, true, null, null, null) : TlsOptions.DEFAULT;
    }
    String name = request.namespace() + "/" + tls.getCaSecretRef().getName();
    Secret secret = sources.secret(request.namespace(), tls.getCaSecretRef().getName()).orElseThrow(() ->
        // The Secret may be created after the release: retried, not stalled.
        ReconcileFailure.transientFailure(Reason.RegistryUnavailable,
            "TLS secret " + name + " (spec.tls.caSecretRef) not found", null));
    return fromSecretData(name, insecure, secret.getData() == null ? Map.of() : secret.getData());
  }

  /**
   * @param data the Secret's {@code data} (base64 values, as the API returns them)
   */
  static TlsOptions fromSecretData(String secretName, boolean insecureSkipVerify, Map<String, String> data) {
    String ca = entry(secretName, data, CA);
    String cert = entry(secretName, data, CERT);
    String key = entry(secretName, data, KEY);
    if (ca == null && cert == null) {
      throw invalid(secretName, "has neither " + CA + " nor " + CERT);
    }
    if ((cert == null) != (key == null)) {
      throw invalid(secretName, "has " + (cert == null ? KEY + " without " + CERT : CERT + " without " + KEY)
          + ": a client certificate needs both");
    }
    return new TlsOptions(false, insecureSkipVerify, ca, cert, key);
  }

  /**
   * Proves the PEM material usable (parses it, builds the TLS context). Called once per new
   * registry client, not per reconcile: clients are shared by what configures them.
   */
  static TlsOptions requireUsable(ReleaseRequest request, TlsOptions options) {
    try {
      return options.requireUsable();
    } catch (InvalidReferenceException e) {
      RegistryTls tls = request.spec().getTls();
      String secretName = request.namespace() + "/"
          + (tls == null || tls.getCaSecretRef() == null ? "" : tls.getCaSecretRef().getName());
      throw invalid(secretName, "holds " + e.getMessage());
    }
  }

  /**
   * Names the transport for sharing what registries answered: equal strings, equal trust. The PEM
   * material enters only as a hash.
   */
  static String identity(TlsOptions tls) {
    if (tls.plainHttp()) {
      return "http";
    }
    String identity = tls.insecureSkipVerify() ? "https-insecure" : "https";
    if (tls.caPem() == null && tls.clientCertPem() == null) {
      return identity;
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (String pem : new String[] {tls.caPem(), tls.clientCertPem(), tls.clientKeyPem()}) {
        sha256.update((pem == null ? "" : pem).getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) 0);
      }
      return identity + "+" + HexFormat.of().formatHex(sha256.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static String entry(String secretName, Map<String, String> data, String key) {
    String encoded = data.get(key);
    if (encoded == null || encoded.isEmpty()) {
      return null;
    }
    try {
      return new String(Base64.getDecoder().decode(encoded), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw invalid(secretName, "entry " + key + " is not base64");
    }
  }

  /** The Secret is wrong until someone edits it: stalled, checked again at the next interval. */
  private static ReconcileFailure invalid(String secretName, String problem) {
    return ReconcileFailure.terminal(Reason.RegistryUnavailable,
        "TLS secret " + secretName + " (spec.tls.caSecretRef) " + problem, null);
  }
}
