package io.ocihelm.reconciler;

import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.reconciler.watch.ReconcileRequests;
import java.util.Objects;

/**
 * Decide: after observing (chart resolved, values loaded), is there anything to do? Render and
 * apply only when an input changed since the last success: chart digest, values checksum, spec
 * generation; or the last attempt did not succeed; or a reconcile was requested explicitly (a new
 * value of the reconcile-requested-at annotation forces a full release). Otherwise the reconcile
 * does nothing and writes nothing, so templates calling randAlphaNum or now do not churn the cluster.
 */
public enum ReleasePlan {
  /** Inputs unchanged since the last successful apply. */
  UP_TO_DATE,
  /** Render, apply, prune, record. */
  RELEASE;

  public static ReleasePlan decide(ReleaseRequest request) {
    OciHelmReleaseStatus status = request.observedStatus();
    boolean ready = status.getConditions().stream()
        .anyMatch(c -> c.is(ConditionType.Ready) && c.getStatus() == ConditionStatus.True);
    boolean sameInputs =
        Objects.equals(status.getObservedGeneration(), request.generation())
            && Objects.equals(status.getLastAppliedRevision(), request.resolvedChart().revision())
            && Objects.equals(status.getLastAppliedValuesChecksum(), request.values().checksum());
    boolean requested = ReconcileRequests.isPending(request.release());
    return ready && sameInputs && !requested ? UP_TO_DATE : RELEASE;
  }

}
