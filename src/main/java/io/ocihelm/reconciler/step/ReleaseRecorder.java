package io.ocihelm.reconciler.step;

import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.render.Manifest;
import java.util.List;

/**
 * The seam to Helm-format release records (DESIGN.md §2a, package {@code io.ocihelm.release}):
 * which revision a render is, and storing the revision that was applied. {@link #NONE} stands in
 * until the records are wired: it keeps no records and numbers revisions from status alone.
 */
public interface ReleaseRecorder {

  /** The revision the next render will be (1 for a first install). */
  long nextRevision(ReleaseRequest request);

  /** Stores the applied revision (manifest, values, chart) as Helm's release Secret. */
  void recordDeployed(ReleaseRequest request);

  /** Stores the revision whose apply failed as Helm's {@code failed} record; the deployed one stays. */
  default void recordFailed(ReleaseRequest request, String description) {}

  /**
   * The hooks of the deployed revision (what an uninstall runs pre-delete and post-delete hooks
   * from), with their weights and delete policies; none without records.
   */
  default List<Manifest> deployedHooks(ReleaseRequest request) {
    return List.of();
  }

  /** Forgets every stored revision of the release (it is uninstalled). */
  default void recordUninstalled(ReleaseRequest request) {}

  ReleaseRecorder NONE = new ReleaseRecorder() {
    @Override
    public long nextRevision(ReleaseRequest request) {
      // Without records the exact count is unknown: 1 until something was applied, 2 after.
      return request.observedStatus().getLastAppliedRevision() == null ? 1 : 2;
    }

    @Override
    public void recordDeployed(ReleaseRequest request) {}
  };
}
