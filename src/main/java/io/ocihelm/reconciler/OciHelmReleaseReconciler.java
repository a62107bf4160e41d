package io.ocihelm.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.api.v1alpha1.Reason;
import java.time.Instant;
import java.util.List;

/**
 * Placeholder until issue 8 brings the real reconciler: it registers the resource with the operator
 * SDK (which generates the CRD only for reconciled resources) and tells users, in status, that this
 * build installs nothing.
 */
public class OciHelmReleaseReconciler implements Reconciler<OciHelmRelease> {

  static final String MESSAGE = "this build of ocihelm has no reconciler yet: nothing is installed";

  @Override
  public UpdateControl<OciHelmRelease> reconcile(
      OciHelmRelease release, Context<OciHelmRelease> context) {
    long generation = release.getMetadata().getGeneration();
    OciHelmReleaseStatus status = new OciHelmReleaseStatus();
    status.setObservedGeneration(generation);
    status.setConditions(
        List.of(
            new Condition(
                ConditionType.Ready,
                ConditionStatus.False,
                Reason.NotImplemented,
                MESSAGE,
                generation,
                Instant.now().toString())));
    release.setStatus(status);
    return UpdateControl.patchStatus(release);
  }
}
