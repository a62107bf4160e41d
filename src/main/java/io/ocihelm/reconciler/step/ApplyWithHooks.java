package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.apply.ReleaseOwnership;
import io.ocihelm.apply.hook.HookFailedException;
import io.ocihelm.apply.hook.HookPlan;
import io.ocihelm.apply.hook.HookRunner;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import java.time.Duration;

/**
 * Act: the apply between the release's hooks, as {@code helm install} (pre-install, apply,
 * post-install) and {@code helm upgrade} (pre-upgrade, apply, post-upgrade) run them; test hooks
 * never run here. A failed hook fails the revision with ApplyFailed naming the hook; a hook the
 * cluster refused for a passing reason is retried.
 */
public final class ApplyWithHooks implements ReleaseStep {
  private final HookRunner hooks;
  private final ReleaseStep apply;

  public ApplyWithHooks(HookRunner hooks, ReleaseStep apply) {
    this.hooks = hooks;
    this.apply = apply;
  }

  @Override
  public void run(ReleaseRequest request) {
    boolean install = request.revision() == 1;
    runHooks(request, install ? HookPlan.PRE_INSTALL : HookPlan.PRE_UPGRADE);
    apply.run(request);
    runHooks(request, install ? HookPlan.POST_INSTALL : HookPlan.POST_UPGRADE);
  }

  private void runHooks(ReleaseRequest request, String event) {
    if (request.rendered().hooks().isEmpty()) {
      return;
    }
    ReleaseOwnership ownership =
        new ReleaseOwnership(request.releaseName(), request.targetNamespace(), request.ownerKey());
    Duration timeout = request.timeout();
    try {
      request.addHookRuns(
          hooks.run(event, request.rendered().hooks(), request.targetNamespace(), ownership::stampHook, timeout));
    } catch (HookFailedException e) {
      request.addHookRuns(e.runs());
      throw failure(e);
    }
  }

  static ReconcileFailure failure(HookFailedException e) {
    return e.isTransient()
        ? ReconcileFailure.transientFailure(Reason.ApplyFailed, e.getMessage(), e)
        : ReconcileFailure.terminal(Reason.ApplyFailed, e.getMessage(), e);
  }
}
