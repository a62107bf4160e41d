package io.ocihelm.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.oci.RegistryOptions;
import io.ocihelm.reconciler.watch.ReleaseUpdateFilter;
import io.ocihelm.reconciler.watch.WatchedSources;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The JOSDK entry point: one OciHelmRelease in, its steps run in order, one status out. Reads as
 * the table of contents of a reconcile; each step is a class in {@code reconciler.step}.
 *
 * <p>Terminal failures end the reconcile with Stalled status (no retry until the spec changes or
 * the interval passes); transient failures are rethrown so JOSDK retries with backoff, and
 * {@link #updateErrorStatus} reports them.
 */
// Generation-aware filtering would drop the annotation-only update of reconcile-requested-at;
// ReleaseUpdateFilter takes its place (spec, annotation, deletion, finalizer; never status).
@ControllerConfiguration(
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = ReleaseUpdateFilter.class))
public class OciHelmReleaseReconciler implements Reconciler<OciHelmRelease>, Cleaner<OciHelmRelease> {
  /** A remediation retry of a failed install or upgrade comes this soon. */
  static final Duration RETRY_DELAY = Duration.ofSeconds(2);
  private final ReleaseSteps steps;
  private final StatusWriter statusWriter;
  private final WatchedSources sources;
  private final ReleaseEvents events;
  /** Dependencies the informer cache does not hold (another namespace than the watched ones). */
  private final DependsOn.ReleaseLookup outsideCache;
  private final DependentsTrigger dependents = new DependentsTrigger();

  /** The operator's wiring: the standard steps on the operator's client. */
  @Inject
  public OciHelmReleaseReconciler(KubernetesClient client) {
    this(new WatchedSources(client), client);
  }

  private OciHelmReleaseReconciler(WatchedSources sources, KubernetesClient client) {
    this(ReleaseStepsFactory.standard(client, RegistryOptions.defaults(), sources),
        new StatusWriter(Clock.systemUTC()), sources,
        new ReleaseEvents(new KubernetesEventSink(client, Clock.systemUTC())),
        (namespace, name) -> Optional.ofNullable(
            client.resources(OciHelmRelease.class).inNamespace(namespace).withName(name).get()));
  }

  /** Steps without watches: ConfigMaps and Secrets are read from the API server. */
  public OciHelmReleaseReconciler(ReleaseSteps steps, StatusWriter statusWriter) {
    this(steps, statusWriter, null);
  }

  /** {@code sources}: the ConfigMap and Secret informers the steps read through; null for none. */
  public OciHelmReleaseReconciler(ReleaseSteps steps, StatusWriter statusWriter, WatchedSources sources) {
    this(steps, statusWriter, sources, new ReleaseEvents(ReleaseEvents.Sink.NONE), (namespace, name) -> Optional.empty());
  }

  /**
   * @param events where transitions are told (Kubernetes Events in the operator)
   * @param outsideCache finds dependencies (spec.dependsOn) the informer cache does not hold
   */
  public OciHelmReleaseReconciler(ReleaseSteps steps, StatusWriter statusWriter, WatchedSources sources,
      ReleaseEvents events, DependsOn.ReleaseLookup outsideCache) {
    this.steps = steps;
    this.statusWriter = statusWriter;
    this.sources = sources;
    this.events = events;
    this.outsideCache = outsideCache;
  }

  /**
   * Watches: the ConfigMaps and Secrets releases read (a change reconciles the releases reading
   * it), and the released objects (a change reconciles their release: drift is corrected and
   * health re-assessed when it happens), and a release becoming Ready (its dependents are woken).
   */
  @Override
  public List<EventSource<?, OciHelmRelease>> prepareEventSources(EventSourceContext<OciHelmRelease> context) {
    List<EventSource<?, OciHelmRelease>> watched = new ArrayList<>();
    watched.add(dependents.prepare(context));
    if (sources != null) {
      watched.addAll(sources.eventSources(context));
    }
    if (steps.liveObjects() != null) {
      watched.add(new LiveObjectEventSource(steps.liveObjects()));
    }
    return watched;
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
    return control.rescheduleAfter(nextReconcile(release, outcome));
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
    switch (ReleasePlan.decide(request)) {
      case UP_TO_DATE -> {
        // assess: put back what drifted from the last release (never a new render)
        steps.correctDrift().run(request);
        return new ReconcileOutcome.UpToDate(request);
      }
      case STALLED -> {
        return new ReconcileOutcome.UpToDate(request);
      }
      case AWAIT_HEALTH -> {
        return remediated(request, () -> assessAndRecord(request));
      }
      case RELEASE -> {}
    }
    // act
    steps.verifyChart().run(request);
    steps.fetchChart().run(request);
    steps.installCrds().run(request);
    steps.renderRelease().run(request);
    steps.createNamespace().run(request);
    return remediated(request, () -> {
      steps.applyManifests().run(request);
      steps.pruneOrphans().run(request);
      return assessAndRecord(request);
    });
  }

  /** Health decides whether the revision is deployed yet; the record follows (helm --wait). */
  private ReconcileOutcome assessAndRecord(ReleaseRequest request) {
    steps.assessHealth().run(request);
    steps.recordRelease().run(request);
    if (request.hasApplied()) {
      // this reconcile applied: drift is measured against it, and its objects are watched
      steps.rememberApplied().run(request);
    }
    return request.health().state() == HealthVerdict.State.WAITING
        ? new ReconcileOutcome.Waiting(request)
        : new ReconcileOutcome.Released(request);
  }

  /** A failed install or upgrade is remediated (retry, rollback, uninstall) before it is reported. */
  private ReconcileOutcome remediated(ReleaseRequest request, Supplier<ReconcileOutcome> attempt) {
    try {
      return attempt.get();
    } catch (ReconcileFailure failure) {
      if (!failure.isTransient()) {
        steps.remediateFailure().run(request, failure);
      }
      throw failure;
    }
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

  /**
   * The interval; sooner while health is awaited (the verdict's short delay) or a remediation retry
   * is due, or a dependency or another helm operation is waited for (the failure's own delay), so
   * that waiting never holds a worker thread.
   */
  private static Duration nextReconcile(OciHelmRelease release, ReconcileOutcome outcome) {
    if (outcome instanceof ReconcileOutcome.Waiting waiting) {
      return waiting.request().health().recheckAfter();
    }
    if (outcome instanceof ReconcileOutcome.Failed failed && failed.failure().isWaiting()) {
      return failed.failure().retryAfter().orElseThrow();
    }
    if (outcome instanceof ReconcileOutcome.Failed failed
        && failed.request().remediation().filter(Remediation::isRetry).isPresent()) {
      return RETRY_DELAY;
    }
    return GoDuration.parse(release.getSpec().getInterval());
  }
}
