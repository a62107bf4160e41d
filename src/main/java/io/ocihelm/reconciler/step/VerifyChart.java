package io.ocihelm.reconciler.step;

import io.fabric8.kubernetes.api.model.Secret;
import io.ocihelm.api.v1alpha1.CosignVerification;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.api.v1alpha1.Verification;
import io.ocihelm.oci.RegistryException;
import io.ocihelm.oci.cosign.CosignPublicKeys;
import io.ocihelm.oci.cosign.CosignVerifier;
import io.ocihelm.oci.cosign.SignatureVerificationException;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.LeastRecentlyUsed;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.reconciler.watch.WatchedSources;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Act, before anything is fetched or rendered: with spec.verify.cosign, the resolved manifest
 * digest must carry a cosign signature by one of the public keys in the referenced Secret
 * ({@link CosignVerifier}: offline, no transparency log). A failure stops the release with
 * VerificationFailed and Verified=False; nothing is applied.
 *
 * <p>Passed checks are kept by (digest, keys fingerprint), so re-releasing the same chart with the
 * same keys (a values change, a retried apply) costs no registry request. Failures are not kept: a
 * signature pushed later is found at the next attempt.
 */
public final class VerifyChart implements ReleaseStep {
  private static final int PASSED_CHECKS_KEPT = 256;

  private final WatchedSources sources;
  private final RegistryAccess registries;
  private final Map<String, String> passedChecks =
      Collections.synchronizedMap(LeastRecentlyUsed.map(PASSED_CHECKS_KEPT));

  public VerifyChart(WatchedSources sources, RegistryAccess registries) {
    this.sources = sources;
    this.registries = registries;
  }

  @Override
  public void run(ReleaseRequest request) {
    Verification verify = request.spec().getVerify();
    if (verify == null || verify.getCosign() == null) {
      return;
    }
    CosignPublicKeys keys = publicKeys(request, verify.getCosign());
    ReleaseRequest.ResolvedChart resolved = request.resolvedChart();
    String checkKey = resolved.digest() + " " + keys.fingerprint();
    String passed = passedChecks.get(checkKey);
    if (passed == null) {
      CosignVerifier.VerifiedSignature signature;
      try {
        signature = new CosignVerifier(registries.client(request)).verify(resolved.reference(), resolved.digest(), keys);
      } catch (SignatureVerificationException e) {
        throw failed(request, e.getMessage(), e);
      } catch (RegistryException e) {
        // Not a verdict on the signature: the registry's own reason, Verified left as it was.
        throw RegistryFailures.of(e);
      }
      passed = resolved.digest() + " is signed by key " + signature.keyName() + " (cosign signature "
          + signature.signatureTag() + "; offline: no transparency log)";
      passedChecks.put(checkKey, passed);
    }
    request.setSignatureCheck(new ReleaseRequest.SignatureCheck(true, passed));
  }

  private CosignPublicKeys publicKeys(ReleaseRequest request, CosignVerification cosign) {
    String secretName = cosign.getPublicKeySecretRef().getName();
    String source = "public key secret " + request.namespace() + "/" + secretName;
    Secret secret = sources.secret(request.namespace(), secretName).orElse(null);
    if (secret == null) {
      // The Secret may be created after the release: retried, not stalled.
      String message = source + " (spec.verify.cosign.publicKeySecretRef) not found";
      request.setSignatureCheck(new ReleaseRequest.SignatureCheck(false, message));
      throw ReconcileFailure.transientFailure(Reason.VerificationFailed, message, null);
    }
    Map<String, byte[]> entries = new LinkedHashMap<>();
    if (secret.getData() != null) {
      for (Map.Entry<String, String> e : secret.getData().entrySet()) {
        try {
          entries.put(e.getKey(), Base64.getDecoder().decode(e.getValue()));
        } catch (IllegalArgumentException notBase64) {
          throw failed(request, source + ": entry " + e.getKey() + " is not base64", notBase64);
        }
      }
    }
    try {
      return CosignPublicKeys.fromSecretData(source, entries);
    } catch (SignatureVerificationException e) {
      throw failed(request, e.getMessage(), e);
    }
  }

  /** The same digest and keys fail the same way: stalled until the spec, chart or keys change. */
  private static ReconcileFailure failed(ReleaseRequest request, String message, Throwable cause) {
    request.setSignatureCheck(new ReleaseRequest.SignatureCheck(false, message));
    return ReconcileFailure.terminal(Reason.VerificationFailed, message, cause);
  }
}
