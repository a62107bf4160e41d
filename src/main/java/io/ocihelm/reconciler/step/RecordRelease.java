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
          recordedNew(request, "deployed", null);
        } else {
          records.settlePending(request, true, null);
          pendingInStatus(request).ifPresent(number -> recorded(request, number, "deployed", null));
        }
      }
      case WAITING -> {
        if (newRevision) {
          records.recordPending(request);
          if (request.hasRevision()) {
            recordedNew(request, request.revision() == 1 ? "pending-install" : "pending-upgrade",
                "waiting for the released objects to become healthy");
          }
        }
      }
      case TIMED_OUT -> {
        String message = "not healthy after " + request.spec().getTimeout() + ": " + verdict.report().summary();
        if (newRevision) {
          records.recordFailed(request, message);
          recordedNew(request, "failed", message);
        } else {
          records.settlePending(request, false, message);
          pendingInStatus(request).ifPresent(number -> recorded(request, number, "failed", message));
        }
        throw ReconcileFailure.terminal(Reason.HealthCheckFailed, message, null);
      }
    }
  }

  /** The new revision this reconcile rendered, when the render said which number it is. */
  private static void recordedNew(ReleaseRequest request, String status, String description) {
    if (request.hasRevision()) {
      recorded(request, request.revision(), status, description);
    }
  }

  /** Tells status.history which record this reconcile wrote (Helm's words for its description). */
  private static void recorded(ReleaseRequest request, long number, String status, String description) {
    // Helm compat: the descriptions helm history shows for a deployed revision.
    String text = description != null ? description : number == 1 ? "Install complete" : "Upgrade complete";
    request.setRecorded(new ReleaseRequest.RecordedRevision(number, status, text));
  }

  /** The revision status.history shows pending: the one a settle concludes. */
  private static java.util.Optional<Long> pendingInStatus(ReleaseRequest request) {
    return request.observedStatus().getHistory().stream()
        .filter(h -> h.getStatus() != null && h.getStatus().startsWith("pending-") && h.getRevision() != null)
        .map(h -> h.getRevision())
        .findFirst();
  }
}
