package io.ocihelm.reconciler.watch;

import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import java.util.Objects;

/**
 * Which updates of an OciHelmRelease start a reconcile. JOSDK's generation-aware filtering would
 * drop annotation-only updates, so the reconcile-requested-at annotation would never arrive; it is
 * switched off on the controller and this filter takes its place (JOSDK ANDs a configured filter
 * with its internal ones, which all pass once generation awareness is off).
 *
 * <p>Accepted: a new generation (spec change), a new {@value ReconcileRequests#ANNOTATION} value,
 * deletion, and finalizer changes (JOSDK adds its finalizer with an update and reconciles after
 * it). Everything else is dropped — in particular our own status patches, which change neither
 * generation, annotations nor finalizers, so writing status never loops back into a reconcile.
 */
public final class ReleaseUpdateFilter implements OnUpdateFilter<OciHelmRelease> {

  @Override
  public boolean accept(OciHelmRelease newer, OciHelmRelease older) {
    return !Objects.equals(older.getMetadata().getGeneration(), newer.getMetadata().getGeneration())
        || ReconcileRequests.changed(older, newer)
        || newer.isMarkedForDeletion()
        || !Objects.equals(older.getMetadata().getFinalizers(), newer.getMetadata().getFinalizers());
  }
}
