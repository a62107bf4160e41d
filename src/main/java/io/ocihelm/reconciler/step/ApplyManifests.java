package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.apply.ApplyException;
import io.ocihelm.apply.ReleaseOwnership;
import io.ocihelm.apply.ServerSideApplier;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import java.util.function.Function;

/**
 * Act: server-side applies the rendered objects in Helm's install order with the release's
 * ownership marks. Conflicts with other field managers are reported, not forced; only fields the
 * helm CLI holds on objects of this same release are taken over (adoption, see
 * {@link ServerSideApplier#HELM_CLI_FIELD_MANAGER}).
 */
public final class ApplyManifests implements ReleaseStep {
  private final Function<ReleaseRequest, ServerSideApplier> appliers;

  public ApplyManifests(ServerSideApplier applier) {
    this(request -> applier);
  }

  /** @param appliers the applier acting as the release's identity (spec.serviceAccountName) */
  public ApplyManifests(Function<ReleaseRequest, ServerSideApplier> appliers) {
    this.appliers = appliers;
  }

  @Override
  public void run(ReleaseRequest request) {
    ReleaseOwnership ownership =
        new ReleaseOwnership(request.releaseName(), request.targetNamespace(), request.ownerKey());
    try {
      request.setApplied(appliers.apply(request).apply(request.objects(), request.targetNamespace(), ownership, false));
    } catch (ApplyException e) {
      throw e.isTransient()
          ? ReconcileFailure.transientFailure(Reason.ApplyFailed, e.getMessage(), e)
          : ReconcileFailure.terminal(Reason.ApplyFailed, e.getMessage(), e);
    }
  }
}
