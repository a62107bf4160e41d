package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.reconciler.HealthVerdict;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;

/**
 * Act: records the revision by its health, as {@code helm install/upgrade --wait} does: deployed
 * when healthy; pending-install/pending-upgrade while waiting; failed when spec.timeout passed,
 * which then fails the reconcile with HealthCheckFailed naming the objects that are not healthy.
 * A reconcile that only waited (nothing rendered) settles the pending revision it waited for.
 */
public final class RecordRelease implements ReleaseStep {
  private final ReleaseRecorder records;

  public RecordRelease(ReleaseRecorder records) {
    this.records = records;
  }

  @Override
  public void run(ReleaseRequest request) {
    HealthVerdict verdict = request.health();
    boolean newRevision = request.hasRendered();
    switch (verdict.state()) {
      case HEALTHY -> {
        if (newRevision) {
          records.recordDeployed(request);
        } else {
          records.settlePending(request, true, null);
        }
      }
      case WAITING -> {
        if (newRevision) {
          records.recordPending(request);
        }
      }
      case TIMED_OUT -> {
        String message = "not healthy after " + request.spec().getTimeout() + ": " + verdict.report().summary();
        if (newRevision) {
          records.recordFailed(request, message);
        } else {
          records.settlePending(request, false, message);
        }
        throw ReconcileFailure.terminal(Reason.HealthCheckFailed, message, null);
      }
    }
  }
}
