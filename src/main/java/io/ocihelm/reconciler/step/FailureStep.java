package io.ocihelm.reconciler.step;

import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;

/** A step that runs after a step failed, with the failure (remediation). */
@FunctionalInterface
public interface FailureStep {
  void run(ReleaseRequest request, ReconcileFailure failure);

  /** Does nothing: failures are only reported. */
  FailureStep NONE = (request, failure) -> {};
}
