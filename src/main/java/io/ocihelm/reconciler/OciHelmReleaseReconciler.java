package io.ocihelm.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.oci.RegistryOptions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The JOSDK entry point: one OciHelmRelease in, its steps run in order, one status out. Reads as
 * the table of contents of a reconcile; each step is a class in {@code reconciler.step}.
 *
 * <p>Terminal failures end the reconcile with Stalled status (no retry until the spec changes or
 * the interval passes); transient failures are rethrown so JOSDK retries with backoff, and
 * {@link #updateErrorStatus} reports them.
 */
public class OciHelmReleaseReconciler implements Reconciler<OciHelmRelease>, Cleaner<OciHelmRelease> {
  private final ReleaseSteps steps;
  private final StatusWriter statusWriter;
  private final ReleaseEvents events;
  /** Dependencies the informer cache does not hold (another namespace than the watched ones). */
  private final DependsOn.ReleaseLookup outsideCache;
  private final DependentsTrigger dependents = new DependentsTrigger();

  /** The operator's wiring: the standard steps on the operator's client. */
  @Inject
  public OciHelmReleaseReconciler(KubernetesClient client) {
    this(ReleaseStepsFactory.standard(client, RegistryOptions.defaults()),
        new StatusWriter(Clock.systemUTC()),
        new ReleaseEvents(new KubernetesEventSink(client, Clock.systemUTC())),
        (namespace, name) -> Optional.ofNullable(
            client.resources(OciHelmRelease.class).inNamespace(namespace).withName(name).get()));
  }

  public OciHelmReleaseReconciler(ReleaseSteps steps, StatusWriter statusWriter) {
    this(steps, statusWriter, new ReleaseEvents(ReleaseEvents.Sink.NONE), (namespace, name) -> Optional.empty());
  }

  public OciHelmReleaseReconciler(ReleaseSteps steps, StatusWriter statusWriter, ReleaseEvents events,
      DependsOn.ReleaseLookup outsideCache) {
    this.steps = steps;
    this.statusWriter = statusWriter;
    this.events = events;
    this.outsideCache = outsideCache;
  }

  @Override
  public List<EventSource<?, OciHelmRelease>> prepareEventSources(EventSourceContext<OciHelmRelease> context) {
    return List.of(dependents.prepare(context));
  }

  @Override
  public UpdateControl<OciHelmRelease> reconcile(OciHelmRelease release, Context<OciHelmRelease> context) {
    if (Boolean.TRUE.equals(release.getSpec().getSuspend())) {
      // Suspended (like Flux): nothing applied, pruned or corrected, and status left as it is --
      // Ready still describes what is installed; observedGeneration stays behind, so kstatus and
      // dependents see that this generation is not reconciled. One event says so.
      events.suspended(release);
      return UpdateControl.noUpdate();
    }
    events.active(release);
    ReleaseRequest request = new ReleaseRequest(release, statusWriter.now());
    ReconcileOutcome outcome;
    try {
      DependsOn.check(release, dependencies(context));
      outcome = run(request);
    } catch (ReconcileFailure failure) {
      if (failure.isTransient()) {
        throw failure.during(request);
      }
      outcome = new ReconcileOutcome.Failed(request, failure);
    }
    UpdateControl<OciHelmRelease> control = writeStatus(release, outcome)
        ? UpdateControl.patchStatus(release)
        : UpdateControl.noUpdate();
    if (outcome instanceof ReconcileOutcome.Released) {
      dependents.becameReady(release, context);
    }
    Duration next = outcome instanceof ReconcileOutcome.Failed failed && failed.failure().isWaiting()
        ? failed.failure().retryAfter().orElseThrow()
        : interval(release);
    return control.rescheduleAfter(next);
  }

  private DependsOn.ReleaseLookup dependencies(Context<OciHelmRelease> context) {
    DependsOn.ReleaseLookup cache = DependentsTrigger.cacheLookup(context);
    return (namespace, name) -> cache.find(namespace, name).or(() -> outsideCache.find(namespace, name));
  }

  private ReconcileOutcome run(ReleaseRequest request) {
    // observe
    steps.resolveChart().run(request);
    steps.loadValues().run(request);
    // decide
    if (ReleasePlan.decide(request) == ReleasePlan.UP_TO_DATE) {
      return new ReconcileOutcome.UpToDate(request);
    }
    // act
    steps.fetchChart().run(request);
    steps.renderRelease().run(request);
    steps.applyManifests().run(request);
    steps.pruneOrphans().run(request);
    steps.recordRelease().run(request);
    return new ReconcileOutcome.Released(request);
  }

  /**
   * The OciHelmRelease is being deleted (JOSDK holds a finalizer meanwhile): uninstall, then let
   * it go. A transient failure is rethrown and retried; the finalizer stays until it succeeds.
   */
  @Override
  public DeleteControl cleanup(OciHelmRelease release, Context<OciHelmRelease> context) {
    ReleaseRequest request = new ReleaseRequest(release);
    steps.uninstall().run(request);
    var uninstall = release.getSpec().getUninstall();
    events.uninstalled(release, request.releaseName(),
        uninstall != null && Boolean.TRUE.equals(uninstall.getKeepResources()));
    return DeleteControl.defaultDelete();
  }

  @Override
  public ErrorStatusUpdateControl<OciHelmRelease> updateErrorStatus(
      OciHelmRelease release, Context<OciHelmRelease> context, Exception e) {
    if (!(e instanceof ReconcileFailure failure)) {
      // A bug, not a known failure: JOSDK logs it and retries; status keeps its last truth.
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    ReleaseRequest request = failure.request().orElseGet(() -> new ReleaseRequest(release));
    ReconcileOutcome outcome = new ReconcileOutcome.Failed(request, failure);
    return writeStatus(release, outcome)
        ? ErrorStatusUpdateControl.patchStatus(release)
        : ErrorStatusUpdateControl.noStatusUpdate();
  }

  /** Puts the desired status on {@code release}; true when it differs from what was read. */
  private boolean writeStatus(OciHelmRelease release, ReconcileOutcome outcome) {
    OciHelmReleaseStatus observed = release.getStatus();
    OciHelmReleaseStatus desired = statusWriter.desired(outcome);
    release.setStatus(desired);
    boolean changed = StatusWriter.changed(observed, desired);
    if (changed) {
      // Events follow status: a reconcile that changes nothing says nothing.
      events.reconciled(outcome, observed, desired);
    }
    return changed;
  }

  private static Duration interval(OciHelmRelease release) {
    return GoDuration.parse(release.getSpec().getInterval());
  }
}
