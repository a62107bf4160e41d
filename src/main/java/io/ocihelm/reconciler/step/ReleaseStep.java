package io.ocihelm.reconciler.step;

import io.ocihelm.reconciler.ReleaseRequest;

/**
 * One named step of a reconcile. It reads what earlier steps put in the request, does its one
 * job and records its result there, or throws {@link io.ocihelm.reconciler.ReconcileFailure}
 * naming the reason. Steps never write status.
 */
@FunctionalInterface
public interface ReleaseStep {
  void run(ReleaseRequest request);
}
