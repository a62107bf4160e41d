package io.ocihelm.reconciler.step;

import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;

/**
 * Wraps the apply step: when it fails, the revision is recorded {@code failed} (as a failed
 * {@code helm upgrade} leaves it) before the failure goes on to status and retry.
 */
public final class RecordFailedApply implements ReleaseStep {
  private final ReleaseStep apply;
  private final ReleaseRecorder records;

  public RecordFailedApply(ReleaseStep apply, ReleaseRecorder records) {
    this.apply = apply;
    this.records = records;
  }

  @Override
  public void run(ReleaseRequest request) {
    try {
      apply.run(request);
    } catch (ReconcileFailure failure) {
      try {
        records.recordFailed(request, failure.getMessage());
        if (request.hasRevision()) {
          request.setRecorded(new ReleaseRequest.RecordedRevision(request.revision(), "failed", failure.getMessage()));
        }
      } catch (RuntimeException recording) {
        // The apply failure is what status must report; the recording problem travels with it.
        failure.addSuppressed(recording);
      }
      throw failure;
    }
  }
}
