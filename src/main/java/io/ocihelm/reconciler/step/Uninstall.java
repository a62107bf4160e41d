package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.apply.ApplyException;
import io.ocihelm.apply.Pruner;
import io.ocihelm.apply.ReleaseOwnership;
import io.ocihelm.apply.hook.HookFailedException;
import io.ocihelm.apply.hook.HookPlan;
import io.ocihelm.apply.hook.HookRunner;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.render.Manifest;
import java.util.List;
import java.util.function.Function;

/**
 * Act, on deletion: as {@code helm uninstall}, the deployed revision's pre-delete hooks, then
 * everything the last revision applied, in reverse install order, honouring {@code
 * helm.sh/resource-policy: keep}, then its post-delete hooks; nothing of that when
 * spec.uninstall.keepResources. Objects (or whole namespaces) already gone count as deleted, and
 * hooks are skipped when the target namespace is gone or terminating, so deletion never hangs on
 * them. Then the release records go too, so {@code helm list} no longer shows the release. A
 * failed hook fails the uninstall (retried, the finalizer stays), as helm refuses to go on.
 */
public final class Uninstall implements ReleaseStep {
  private final Function<ReleaseRequest, Pruner> pruners;
  private final ReleaseRecorder records;
  private final HookRunner hooks;

  public Uninstall(Pruner pruner, ReleaseRecorder records) {
    this(pruner, records, null);
  }

  /** @param hooks runs pre-delete and post-delete hooks; null runs none */
  public Uninstall(Pruner pruner, ReleaseRecorder records, HookRunner hooks) {
    this(request -> pruner, records, hooks);
  }

  /** @param pruners the pruner acting as the release's identity (spec.serviceAccountName) */
  public Uninstall(Function<ReleaseRequest, Pruner> pruners, ReleaseRecorder records, HookRunner hooks) {
    this.pruners = pruners;
    this.records = records;
    this.hooks = hooks;
  }

  @Override
  public void run(ReleaseRequest request) {
    var uninstall = request.spec().getUninstall();
    if (uninstall != null && Boolean.TRUE.equals(uninstall.getKeepResources())) {
      // The objects stay, but the release is gone: like helm's resource-policy keep, not --keep-history.
      records.recordUninstalled(request);
      return;
    }
    List<Manifest> deployedHooks = hooks == null ? List.of() : records.deployedHooks(request);
    runHooks(request, deployedHooks, HookPlan.PRE_DELETE);
    try {
      pruners.apply(request).delete(request.previousInventory().entries());
    } catch (ApplyException e) {
      // Retried by the SDK; the finalizer stays until everything is gone.
      throw ReconcileFailure.transientFailure(Reason.ApplyFailed, "uninstall: " + e.getMessage(), e);
    }
    runHooks(request, deployedHooks, HookPlan.POST_DELETE);
    // Records last: a retried uninstall still knows the release existed.
    records.recordUninstalled(request);
  }

  private void runHooks(ReleaseRequest request, List<Manifest> deployedHooks, String event) {
    if (HookPlan.forEvent(deployedHooks, event).isEmpty()) {
      return;
    }
    ReleaseOwnership ownership =
        new ReleaseOwnership(request.releaseName(), request.targetNamespace(), request.ownerKey());
    try {
      if (!hooks.canRunIn(request.targetNamespace())) {
        return;
      }
      hooks.run(event, deployedHooks, request.targetNamespace(), ownership::stampHook,
          request.timeout());
    } catch (HookFailedException | ApplyException e) {
      throw ReconcileFailure.transientFailure(Reason.ApplyFailed, "uninstall: " + e.getMessage(), e);
    }
  }
}
