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
  }
}
