package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.apply.ApplyException;
import io.ocihelm.apply.Pruner;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import java.util.function.Function;

/**
 * Act, on deletion: removes everything the last revision applied, in reverse install order,
 * honouring {@code helm.sh/resource-policy: keep}; nothing when spec.uninstall.keepResources.
 * Objects (or whole namespaces) already gone count as deleted, so deletion never hangs on them.
 * Then the release records go too, so {@code helm list} no longer shows the release.
 */
public final class Uninstall implements ReleaseStep {
  private final Function<ReleaseRequest, Pruner> pruners;
  private final ReleaseRecorder records;

  public Uninstall(Pruner pruner, ReleaseRecorder records) {
    this(request -> pruner, records);
  }

  /** @param pruners the pruner acting as the release's identity (spec.serviceAccountName) */
  public Uninstall(Function<ReleaseRequest, Pruner> pruners, ReleaseRecorder records) {
    this.pruners = pruners;
    this.records = records;
  }

  @Override
  public void run(ReleaseRequest request) {
    var uninstall = request.spec().getUninstall();
    if (uninstall != null && Boolean.TRUE.equals(uninstall.getKeepResources())) {
      // The objects stay, but the release is gone: like helm's resource-policy keep, not --keep-history.
      records.recordUninstalled(request);
      return;
    }
    try {
      pruners.apply(request).delete(request.previousInventory().entries());
    } catch (ApplyException e) {
      // Retried by the SDK; the finalizer stays until everything is gone.
      throw ReconcileFailure.transientFailure(Reason.ApplyFailed, "uninstall: " + e.getMessage(), e);
    }
    // Records last: a retried uninstall still knows the release existed.
    records.recordUninstalled(request);
  }
}
