package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.apply.ApplyException;
import io.ocihelm.apply.Pruner;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;

/**
 * Act, on deletion: removes everything the last revision applied, in reverse install order,
 * honouring {@code helm.sh/resource-policy: keep}; nothing when spec.uninstall.keepResources.
 * Objects (or whole namespaces) already gone count as deleted, so deletion never hangs on them.
 */
public final class Uninstall implements ReleaseStep {
  private final Pruner pruner;

  public Uninstall(Pruner pruner) {
    this.pruner = pruner;
  }

  @Override
  public void run(ReleaseRequest request) {
    var uninstall = request.spec().getUninstall();
    if (uninstall != null && Boolean.TRUE.equals(uninstall.getKeepResources())) {
      return;
    }
    try {
      pruner.delete(request.previousInventory().entries());
    } catch (ApplyException e) {
      // Retried by the SDK; the finalizer stays until everything is gone.
      throw ReconcileFailure.transientFailure(Reason.ApplyFailed, "uninstall: " + e.getMessage(), e);
    }
  }
}
