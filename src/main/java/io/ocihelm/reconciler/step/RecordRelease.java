package io.ocihelm.reconciler.step;

import io.ocihelm.reconciler.ReleaseRequest;

/** Act: records the applied revision through the {@link ReleaseRecorder} seam. */
public final class RecordRelease implements ReleaseStep {
  private final ReleaseRecorder records;

  public RecordRelease(ReleaseRecorder records) {
    this.records = records;
  }

  @Override
  public void run(ReleaseRequest request) {
    records.recordDeployed(request);
    if (request.hasRevision()) {
      // Helm compat: the descriptions helm history shows for a deployed revision.
      request.setRecorded(new ReleaseRequest.RecordedRevision(request.revision(), "deployed",
          request.revision() == 1 ? "Install complete" : "Upgrade complete"));
    }
  }
}
