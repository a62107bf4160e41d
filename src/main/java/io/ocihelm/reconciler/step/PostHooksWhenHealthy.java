package io.ocihelm.reconciler.step;

import io.ocihelm.apply.hook.HookPlan;
import io.ocihelm.apply.hook.HookRunner;
import io.ocihelm.reconciler.HealthVerdict;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.release.ReleaseRecord;
import io.ocihelm.release.ReleaseStatus;
import io.ocihelm.render.Manifest;
import java.util.List;
import java.util.Optional;

/**
 * Assess, then the post hooks: as {@code helm install|upgrade --wait} runs post-install and
 * post-upgrade hooks only after the release is healthy (right after the apply without spec.wait),
 * they run here once the health verdict is healthy, before the revision is recorded deployed. The
 * hooks are the render's, or, when an earlier reconcile applied the revision and this one only
 * waited, those of its pending record. A failed post hook fails the revision (recorded failed).
 */
public final class PostHooksWhenHealthy implements ReleaseStep {
  private final HookRunner hooks;
  private final ReleaseRecorder records;
  private final ReleaseStep assessHealth;

  public PostHooksWhenHealthy(HookRunner hooks, ReleaseRecorder records, ReleaseStep assessHealth) {
    this.hooks = hooks;
    this.records = records;
    this.assessHealth = assessHealth;
  }

  @Override
  public void run(ReleaseRequest request) {
    assessHealth.run(request);
    if (request.health().state() != HealthVerdict.State.HEALTHY) {
      return;
    }
    List<Manifest> all;
    String event;
    if (request.hasRendered()) {
      all = request.rendered().hooks();
      event = request.revision() == 1 ? HookPlan.POST_INSTALL : HookPlan.POST_UPGRADE;
    } else {
      Optional<ReleaseRecord> pending = records.pendingRecord(request);
      if (pending.isEmpty()) {
        return;
      }
      all = StoredReleaseRecorder.hookManifests(pending.get());
      event = pending.get().status() == ReleaseStatus.PENDING_INSTALL ? HookPlan.POST_INSTALL : HookPlan.POST_UPGRADE;
    }
    try {
      ApplyWithHooks.runHooks(hooks, request, all, event);
    } catch (ReconcileFailure failure) {
      if (!failure.isTransient()) {
        if (request.hasRendered()) {
          records.recordFailed(request, failure.getMessage());
        } else {
          records.settlePending(request, false, failure.getMessage());
        }
      }
      throw failure;
    }
  }
}
