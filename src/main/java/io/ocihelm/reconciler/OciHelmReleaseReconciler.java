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

  /** The operator's wiring: the standard steps on the operator's client. */
  @Inject
  public OciHelmReleaseReconciler(KubernetesClient client) {
    this(ReleaseStepsFactory.standard(client, RegistryOptions.defaults()),
        new StatusWriter(Clock.systemUTC()));
  }

  public OciHelmReleaseReconciler(ReleaseSteps steps, StatusWriter statusWriter) {
    this.steps = steps;
    this.statusWriter = statusWriter;
  }

  @Override
  public UpdateControl<OciHelmRelease> reconcile(OciHelmRelease release, Context<OciHelmRelease> context) {
    if (Boolean.TRUE.equals(release.getSpec().getSuspend())) {
      // Suspended: the installed release is left exactly as it is, status included.
      return UpdateControl.noUpdate();
    }
    ReleaseRequest request = new ReleaseRequest(release);
    ReconcileOutcome outcome;
    try {
      outcome = run(request);
    } catch (ReconcileFailure failure) {
      if (failure.isTransient()) {
        throw failure;
      }
      outcome = new ReconcileOutcome.Failed(request, failure);
    }
    UpdateControl<OciHelmRelease> control = writeStatus(release, outcome)
        ? UpdateControl.patchStatus(release)
        : UpdateControl.noUpdate();
    return control.rescheduleAfter(interval(release));
  }

  private ReconcileOutcome run(ReleaseRequest request) {
    // observe
    steps.resolveChart().run(request);
    steps.loadValues().run(request);
    // decide
    if (ReleasePlan.decide(request) == ReleasePlan.UP_TO_DATE) {
      // assess: put back what drifted from the last release (never a new render)
      steps.correctDrift().run(request);
      return new ReconcileOutcome.UpToDate(request);
    }
    // act
    steps.fetchChart().run(request);
    steps.renderRelease().run(request);
    steps.applyManifests().run(request);
    steps.pruneOrphans().run(request);
    steps.recordRelease().run(request);
    steps.rememberApplied().run(request);
    return new ReconcileOutcome.Released(request);
  }

  /** A change to a released object reconciles its release (drift is corrected when it happens). */
  @Override
  public List<EventSource<?, OciHelmRelease>> prepareEventSources(EventSourceContext<OciHelmRelease> context) {
    return steps.liveObjects() == null ? List.of() : List.of(new LiveObjectEventSource(steps.liveObjects()));
  }

  /**
   * The OciHelmRelease is being deleted (JOSDK holds a finalizer meanwhile): uninstall, then let
   * it go. A transient failure is rethrown and retried; the finalizer stays until it succeeds.
   */
  @Override
  public DeleteControl cleanup(OciHelmRelease release, Context<OciHelmRelease> context) {
    steps.uninstall().run(new ReleaseRequest(release));
    return DeleteControl.defaultDelete();
  }

  @Override
  public ErrorStatusUpdateControl<OciHelmRelease> updateErrorStatus(
      OciHelmRelease release, Context<OciHelmRelease> context, Exception e) {
    if (!(e instanceof ReconcileFailure failure)) {
      // A bug, not a known failure: JOSDK logs it and retries; status keeps its last truth.
      return ErrorStatusUpdateControl.defaultErrorProcessing();
    }
    ReconcileOutcome outcome = new ReconcileOutcome.Failed(new ReleaseRequest(release), failure);
    return writeStatus(release, outcome)
        ? ErrorStatusUpdateControl.patchStatus(release)
        : ErrorStatusUpdateControl.noStatusUpdate();
  }

  /** Puts the desired status on {@code release}; true when it differs from what was read. */
  private boolean writeStatus(OciHelmRelease release, ReconcileOutcome outcome) {
    OciHelmReleaseStatus observed = release.getStatus();
    OciHelmReleaseStatus desired = statusWriter.desired(outcome);
    release.setStatus(desired);
    return StatusWriter.changed(observed, desired);
  }

  private static Duration interval(OciHelmRelease release) {
    return GoDuration.parse(release.getSpec().getInterval());
  }
}
