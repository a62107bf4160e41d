package io.ocihelm.reconciler;

import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.reconciler.watch.ReconcileRequests;
import java.util.Objects;
import java.util.Optional;

/**
 * Decide: after observing (chart resolved, values loaded), is there anything to do? Render and
 * apply only when an input changed since the last success: chart digest, values checksum, spec
 * generation; or the last attempt did not succeed; or a reconcile was requested explicitly (a new
 * value of the reconcile-requested-at annotation forces a full release). Otherwise the reconcile
 * does nothing and writes nothing, so templates calling randAlphaNum or now do not churn the cluster.
 */
public enum ReleasePlan {
  /** Inputs unchanged since the last successful, healthy release. */
  UP_TO_DATE,
  /** The last attempt with these inputs was applied and is waiting for its objects to become healthy. */
  AWAIT_HEALTH,
  /**
   * The last attempt with these inputs failed and its remediation is exhausted: nothing is retried
   * until the spec, the chart or the values change.
   */
  STALLED,
  /** Render, apply, prune, assess health, record. */
  RELEASE;

  public static ReleasePlan decide(ReleaseRequest request) {
    OciHelmReleaseStatus status = request.observedStatus();
    Optional<Condition> ready = condition(status, ConditionType.Ready);
    boolean sameApplied =
        Objects.equals(status.getObservedGeneration(), request.generation())
            && Objects.equals(status.getLastAppliedRevision(), request.resolvedChart().revision())
            && Objects.equals(status.getLastAppliedValuesChecksum(), request.values().checksum());
    if (ReconcileRequests.isPending(request.release())) {
      // An explicit request (a new reconcile-requested-at) forces a full release.
      return RELEASE;
    }
    if (sameApplied && ready.filter(c -> c.getStatus() == ConditionStatus.True).isPresent()) {
      return UP_TO_DATE;
    }
    boolean sameAttempted =
        Objects.equals(status.getObservedGeneration(), request.generation())
            && Objects.equals(status.getLastAttemptedRevision(), request.resolvedChart().revision())
            && Objects.equals(status.getLastAttemptedValuesChecksum(), request.values().checksum());
    if (!sameAttempted) {
      return RELEASE;
    }
    if (ready.filter(c -> Reason.Progressing.name().equals(c.getReason())).isPresent()) {
      return AWAIT_HEALTH;
    }
    // Only remediated failures stall for good; other terminal failures (a render error, say)
    // are tried again each interval, as before.
    boolean exhausted = condition(status, ConditionType.Stalled)
        .filter(c -> c.getStatus() == ConditionStatus.True)
        .filter(c -> Reason.ApplyFailed.name().equals(c.getReason()) || Reason.HealthCheckFailed.name().equals(c.getReason()))
        .isPresent();
    return exhausted ? STALLED : RELEASE;
  }

  private static Optional<Condition> condition(OciHelmReleaseStatus status, ConditionType type) {
    return status.getConditions().stream().filter(c -> c.is(type)).findFirst();
  }
}
