package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.apply.ApplyException;
import io.ocihelm.apply.Pruner;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import java.util.function.Function;

/**
 * Act: deletes what the previous inventory had and this revision did not apply. Runs only after a
 * successful apply (a failed fetch or render never reaches it), and not at all when spec.prune is
 * false.
 */
public final class PruneOrphans implements ReleaseStep {
  private final Function<ReleaseRequest, Pruner> pruners;

  public PruneOrphans(Pruner pruner) {
    this(request -> pruner);
  }

  /** @param pruners the pruner acting as the release's identity (spec.serviceAccountName) */
  public PruneOrphans(Function<ReleaseRequest, Pruner> pruners) {
    this.pruners = pruners;
  }

  @Override
  public void run(ReleaseRequest request) {
    if (Boolean.FALSE.equals(request.spec().getPrune())) {
      request.setPruned(new Pruner.Result(java.util.List.of(), java.util.List.of()));
      return;
    }
    try {
      request.setPruned(pruners.apply(request).prune(request.previousInventory(), request.applied()));
    } catch (ApplyException e) {
      throw e.isTransient()
          ? ReconcileFailure.transientFailure(Reason.ApplyFailed, "prune: " + e.getMessage(), e)
          : ReconcileFailure.terminal(Reason.ApplyFailed, "prune: " + e.getMessage(), e);
    }
  }
}
