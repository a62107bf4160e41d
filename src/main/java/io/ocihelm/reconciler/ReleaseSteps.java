package io.ocihelm.reconciler;

import io.ocihelm.reconciler.step.FailureStep;
import io.ocihelm.assess.InformerLiveObjects;
import io.ocihelm.reconciler.step.ReleaseStep;

/**
 * The steps of a reconcile, in the order they run: observe (resolve the chart, load values), then,
 * when {@link ReleasePlan} says so, act (verify the signature, fetch, the chart's crds/, render, create the namespace,
 * apply between the hooks, prune, assess health, record, remember what was applied) or only assess
 * health and record; after a failed install or upgrade, remediate; when nothing changed, assess
 * drift and correct it; and the uninstall that runs when the OciHelmRelease is deleted.
 *
 * @param liveObjects the shared informers of released objects, whose changes the reconciler turns
 *     into reconciles; null when nothing is watched
 */
public record ReleaseSteps(
    ReleaseStep resolveChart,
    ReleaseStep loadValues,
    ReleaseStep verifyChart,
    ReleaseStep fetchChart,
    ReleaseStep installCrds,
    ReleaseStep renderRelease,
    ReleaseStep createNamespace,
    ReleaseStep applyManifests,
    ReleaseStep pruneOrphans,
    ReleaseStep assessHealth,
    ReleaseStep recordRelease,
    FailureStep remediateFailure,
    ReleaseStep uninstall,
    ReleaseStep rememberApplied,
    ReleaseStep correctDrift,
    InformerLiveObjects liveObjects) {

  /** Steps without signature verification, drift detection and watches of released objects (tests). */
  public ReleaseSteps(
      ReleaseStep resolveChart,
      ReleaseStep loadValues,
      ReleaseStep fetchChart,
      ReleaseStep installCrds,
      ReleaseStep renderRelease,
      ReleaseStep createNamespace,
      ReleaseStep applyManifests,
      ReleaseStep pruneOrphans,
      ReleaseStep assessHealth,
      ReleaseStep recordRelease,
      FailureStep remediateFailure,
      ReleaseStep uninstall) {
    this(resolveChart, loadValues, request -> {}, fetchChart, installCrds, renderRelease, createNamespace, applyManifests,
        pruneOrphans, assessHealth, recordRelease, remediateFailure, uninstall, request -> {}, request -> {}, null);
  }
}
