package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.oci.AuthenticationFailedException;
import io.ocihelm.oci.ChartNotFoundException;
import io.ocihelm.oci.DigestMismatchException;
import io.ocihelm.oci.InvalidReferenceException;
import io.ocihelm.oci.RegistryException;
import io.ocihelm.oci.RegistryUnavailableException;
import io.ocihelm.oci.UnsupportedArtifactException;
import io.ocihelm.reconciler.ReconcileFailure;

/** Each registry failure mapped to its condition reason; the registry client knows retryability. */
final class RegistryFailures {
  private RegistryFailures() {}

  static ReconcileFailure of(RegistryException e) {
    Reason reason = switch (e) {
      case AuthenticationFailedException a -> Reason.AuthenticationFailed;
      case ChartNotFoundException n -> Reason.ChartNotFound;
      case InvalidReferenceException i -> Reason.ChartNotFound;
      case RegistryUnavailableException u -> Reason.RegistryUnavailable;
      case DigestMismatchException d -> Reason.VerificationFailed;
      case UnsupportedArtifactException u -> Reason.ChartNotFound;
    };
    return e.isTransient()
        ? ReconcileFailure.transientFailure(reason, e.getMessage(), e)
        : ReconcileFailure.terminal(reason, e.getMessage(), e);
  }
}
