package io.ocihelm.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.timer.TimerEventSource;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import java.time.Duration;
import java.util.Optional;

/**
 * Wakes the releases that wait for a release (spec.dependsOn) as soon as it has become Ready,
 * instead of leaving them to their {@link DependsOn#RECHECK}. Dependents are found through an index
 * on the operator's one OciHelmRelease informer cache (no extra informer, no polling); the wake-up
 * is one shared timer, slightly delayed so the status patch of the dependency lands in the cache
 * first. Should the dependent still read the old status, its own recheck covers it.
 */
public final class DependentsTrigger {
  /** Time for JOSDK to patch the dependency's status and the informer to see it. */
  static final Duration SETTLE = Duration.ofSeconds(1);

  private final TimerEventSource<OciHelmRelease> timer = new TimerEventSource<>("ocihelm-dependents", false);

  /** Registers the index; the returned event source goes into the reconciler's event sources. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public EventSource<?, OciHelmRelease> prepare(EventSourceContext<OciHelmRelease> context) {
    context.getPrimaryCache().addIndexer(DependsOn.INDEX, DependsOn::keys);
    // JOSDK declares its timer for any primary type (HasMetadata); it serves OciHelmRelease here.
    return (EventSource) timer;
  }

  /** {@code release} has just become Ready: reconcile every release that depends on it. */
  public void becameReady(OciHelmRelease release, Context<OciHelmRelease> context) {
    if (context == null || !timer.isRunning()) {
      return; // not run by an operator (unit tests, direct calls): the recheck delay covers it
    }
    for (OciHelmRelease dependent : context.getPrimaryCache().byIndex(DependsOn.INDEX, DependsOn.key(release))) {
      timer.scheduleOnce(ResourceID.fromResource(dependent), SETTLE.toMillis());
    }
  }

  /** Other releases, read from the informer cache of the reconcile's context. */
  static DependsOn.ReleaseLookup cacheLookup(Context<OciHelmRelease> context) {
    return (namespace, name) -> Optional.ofNullable(context)
        .flatMap(c -> c.getPrimaryCache().get(new ResourceID(name, namespace)));
  }
}
