package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.apply.ReleaseOwnership;
import io.ocihelm.apply.hook.HookFailedException;
import io.ocihelm.apply.hook.HookPlan;
import io.ocihelm.apply.hook.HookRunner;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.render.Manifest;
import java.util.List;

/**
 * Act: the apply after the release's pre hooks, as {@code helm install} (pre-install, apply) and
 * {@code helm upgrade} (pre-upgrade, apply) run them; the post hooks run once the release is
 * healthy ({@link PostHooksWhenHealthy}), as helm runs them after its wait. Test hooks never run
 * here. A failed hook fails the revision with ApplyFailed naming the hook; a hook the cluster
 * refused for a passing reason is retried.
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
    runHooks(hooks, request, request.rendered().hooks(), install ? HookPlan.PRE_INSTALL : HookPlan.PRE_UPGRADE);
    apply.run(request);
  }

  /** Runs the hooks of {@code event}, keeping their runs in the request (also when one fails). */
  static void runHooks(HookRunner hooks, ReleaseRequest request, List<Manifest> all, String event) {
    if (HookPlan.forEvent(all, event).isEmpty()) {
      return;
    }
    ReleaseOwnership ownership =
        new ReleaseOwnership(request.releaseName(), request.targetNamespace(), request.ownerKey());
    try {
      request.addHookRuns(hooks.run(event, all, request.targetNamespace(), ownership::stampHook, request.timeout()));
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
