package io.ocihelm.reconciler;

import io.ocihelm.assess.InformerLiveObjects;
import io.ocihelm.reconciler.step.ReleaseStep;

/**
 * The steps of a reconcile, in the order they run: observe (resolve the chart, load values), then,
 * when {@link ReleasePlan} says so, act (fetch, render, apply, prune, record, remember what was
 * applied), otherwise assess drift and correct it; and the uninstall that runs when the
 * OciHelmRelease is deleted.
 *
 * @param liveObjects the shared informers of released objects, whose changes the reconciler turns
 *     into reconciles; null when nothing is watched
 */
public record ReleaseSteps(
    ReleaseStep resolveChart,
    ReleaseStep loadValues,
    ReleaseStep fetchChart,
    ReleaseStep renderRelease,
    ReleaseStep applyManifests,
    ReleaseStep pruneOrphans,
    ReleaseStep recordRelease,
    ReleaseStep uninstall,
    ReleaseStep rememberApplied,
    ReleaseStep correctDrift,
    InformerLiveObjects liveObjects) {

  /** Steps without drift detection and without watches. */
  public ReleaseSteps(
      ReleaseStep resolveChart,
      ReleaseStep loadValues,
      ReleaseStep fetchChart,
      ReleaseStep renderRelease,
      ReleaseStep applyManifests,
      ReleaseStep pruneOrphans,
      ReleaseStep recordRelease,
      ReleaseStep uninstall) {
    this(resolveChart, loadValues, fetchChart, renderRelease, applyManifests, pruneOrphans, recordRelease, uninstall,
        request -> {}, request -> {}, null);
  }
}
