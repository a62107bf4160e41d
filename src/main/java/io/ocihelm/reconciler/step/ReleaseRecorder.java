package io.ocihelm.reconciler.step;

import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.render.Manifest;
import io.ocihelm.release.ReleaseRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The seam to Helm-format release records (DESIGN.md §2a, package {@code io.ocihelm.release}):
 * which revision a render is, and storing each revision as helm would: deployed once healthy,
 * pending while waiting for health, failed when the apply or the wait failed, a rollback revision
 * when remediation rolls back. {@link #NONE} keeps no records and numbers revisions from status alone.
 */
public interface ReleaseRecorder {

  /** The revision the next render will be (1 for a first install). */
  long nextRevision(ReleaseRequest request);

  /** Stores the applied, healthy revision (manifest, values, chart) as Helm's release Secret. */
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

  /** Stores the applied revision as {@code pending-install}/{@code pending-upgrade}: its objects are not healthy yet. */
  default void recordPending(ReleaseRequest request) {}

  /** When the pending install/upgrade (the newest revision) started; empty when the newest revision is not pending. */
  default Optional<Instant> pendingSince(ReleaseRequest request) {
    return Optional.empty();
  }

  /** Settles the pending newest revision as deployed (healthy) or failed; nothing when none is pending. */
  default void settlePending(ReleaseRequest request, boolean deployed, String description) {}

  /** The newest deployed revision: what a rollback returns to; empty for a failed install. */
  default Optional<ReleaseRecord> lastDeployed(ReleaseRequest request) {
    return Optional.empty();
  }

  /** Stores the rollback to {@code target} as a new {@code pending-rollback} revision ("Rollback to N"). */
  default void recordRollback(ReleaseRequest request, ReleaseRecord target) {}

  /**
   * The revision recorded pending (applied, waiting to be healthy), if any: its hooks run
   * post-install/post-upgrade once it is healthy.
   */
  default Optional<ReleaseRecord> pendingRecord(ReleaseRequest request) {
    return Optional.empty();
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
