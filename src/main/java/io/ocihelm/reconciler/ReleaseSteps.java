package io.ocihelm.reconciler;

import io.ocihelm.reconciler.step.FailureStep;
import io.ocihelm.reconciler.step.ReleaseStep;

/**
 * The steps of a reconcile, in the order they run: observe (resolve the chart, load values), then,
 * when {@link ReleasePlan} says so, act (fetch, the chart's crds/, render, create the namespace,
 * apply between the hooks, prune, assess health, record) or only assess health and record; after a
 * failed install or upgrade, remediate; and the uninstall that runs when the OciHelmRelease is
 * deleted.
 */
public record ReleaseSteps(
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
    ReleaseStep uninstall) {}
