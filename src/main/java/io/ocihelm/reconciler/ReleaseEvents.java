package io.ocihelm.reconciler;

import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.api.v1alpha1.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kubernetes Events on an OciHelmRelease, one per transition: installed, upgraded, failed (with
 * the reason), waiting for a dependency, suspended, resumed, uninstalled. They are derived from
 * the status before and after a reconcile, so a reconcile that changes nothing (the periodic one,
 * a restart of the operator) emits nothing. Messages are the ones status already shows: never
 * values, never Secret contents.
 */
public final class ReleaseEvents {
  /** Kubernetes allows any text, but kubectl describe and the Events API expect about this much. */
  static final int MAX_MESSAGE = 1024;

  public enum Type { Normal, Warning }

  public record ReleaseEvent(Type type, Reason reason, String message) {
    public ReleaseEvent {
      message = message == null ? "" : message.length() <= MAX_MESSAGE ? message
          : message.substring(0, MAX_MESSAGE - 3) + "...";
    }
  }

  /** Where events go: the API server in the operator, a list in tests. */
  @FunctionalInterface
  public interface Sink {
    /**
     * @param onceKey null for an ordinary event; otherwise the event is published at most once per
     *     release and key, even across operator restarts (for transitions status does not record)
     */
    void publish(OciHelmRelease release, ReleaseEvent event, String onceKey);

    Sink NONE = (release, event, onceKey) -> {};
  }

  private final Sink sink;
  /** UIDs of releases seen suspended by this process: to say "resumed" once when they are not. */
  private final Set<String> suspended = ConcurrentHashMap.newKeySet();

  public ReleaseEvents(Sink sink) {
    this.sink = sink;
  }

  /** The events a reconcile's outcome calls for, given the status before and after it. */
  public void reconciled(ReconcileOutcome outcome, OciHelmReleaseStatus before, OciHelmReleaseStatus after) {
    for (ReleaseEvent event : transitions(outcome, before, after)) {
      sink.publish(outcome.request().release(), event, null);
    }
  }

  /**
   * spec.suspend is true: said once per suspension. Status is not written while suspended, so its
   * observedGeneration (the last generation reconciled) names the suspension: later edits of the
   * suspended spec do not repeat the event, a suspension after the next reconcile does.
   */
  public void suspended(OciHelmRelease release) {
    suspended.add(uid(release));
    Long reconciled = release.getStatus() == null ? null : release.getStatus().getObservedGeneration();
    sink.publish(release, new ReleaseEvent(Type.Normal, Reason.Suspended,
            "Reconciliation suspended: nothing is applied, pruned or corrected until spec.suspend is false"),
        "suspended-after-" + (reconciled == null ? 0 : reconciled));
  }

  /** A reconcile runs: if this process saw the release suspended, it is resumed now. */
  public void active(OciHelmRelease release) {
    if (suspended.remove(uid(release))) {
      sink.publish(release, new ReleaseEvent(Type.Normal, Reason.Progressing, "Reconciliation resumed"), null);
    }
  }

  /** The release was uninstalled (the OciHelmRelease is being deleted). */
  public void uninstalled(OciHelmRelease release, String releaseName, boolean keptResources) {
    suspended.remove(uid(release));
    sink.publish(release, new ReleaseEvent(Type.Normal, Reason.Succeeded, "Uninstalled release " + releaseName
        + (keptResources ? " (spec.uninstall.keepResources: its objects were left in place)" : "")), null);
  }

  static List<ReleaseEvent> transitions(ReconcileOutcome outcome, OciHelmReleaseStatus before, OciHelmReleaseStatus after) {
    List<ReleaseEvent> events = new ArrayList<>();
    ReleaseRequest request = outcome.request();
    switch (outcome) {
      case ReconcileOutcome.UpToDate upToDate -> {
        // nothing changed: nothing to say
      }
      case ReconcileOutcome.Released released -> {
        String revision = request.recorded().map(r -> " (revision " + r.number() + ")").orElse("");
        String chartName = request.hasChart() ? request.chart().name()
            : after.getChart() != null ? after.getChart().getName() : "";
        String chart = chartName + " " + request.resolvedChart().version();
        if (before == null || before.getLastAppliedRevision() == null) {
          events.add(new ReleaseEvent(Type.Normal, Reason.Succeeded,
              "Installed release " + request.releaseName() + ": chart " + chart + revision));
        } else {
          events.add(new ReleaseEvent(Type.Normal, Reason.Succeeded, "Upgraded release " + request.releaseName()
              + " to chart " + chart + "@" + shortDigest(request.resolvedChart().digest()) + revision));
        }
      }
      case ReconcileOutcome.Waiting waiting -> {
        // Applied, waiting for health: said when the wait begins, not at every recheck.
        Optional<Condition> wasReady = ready(before);
        Optional<Condition> isReady = ready(after);
        boolean began = wasReady.isEmpty() || isReady.isEmpty()
            || wasReady.get().getStatus() != isReady.get().getStatus()
            || !Objects.equals(wasReady.get().getReason(), isReady.get().getReason());
        if (began && isReady.isPresent()) {
          events.add(new ReleaseEvent(Type.Normal, Reason.Progressing, isReady.get().getMessage()));
        }
      }
      case ReconcileOutcome.Failed failed -> {
        Optional<Condition> wasReady = ready(before);
        Optional<Condition> isReady = ready(after);
        boolean changed = wasReady.isEmpty() || isReady.isEmpty()
            || wasReady.get().getStatus() != isReady.get().getStatus()
            || !Objects.equals(wasReady.get().getReason(), isReady.get().getReason())
            || !Objects.equals(wasReady.get().getMessage(), isReady.get().getMessage());
        // The same failure again (a retry, the periodic reconcile) is not a transition.
        if (changed) {
          ReconcileFailure failure = failed.failure();
          Type type = failure.isWaiting() ? Type.Normal : Type.Warning;
          events.add(new ReleaseEvent(type, failure.reason(), failure.getMessage()));
        }
      }
    }
    return events;
  }

  private static Optional<Condition> ready(OciHelmReleaseStatus status) {
    return status == null ? Optional.empty()
        : status.getConditions().stream().filter(c -> c.is(ConditionType.Ready)).findFirst();
  }

  private static String shortDigest(String digest) {
    int colon = digest.indexOf(':');
    String hex = colon < 0 ? digest : digest.substring(colon + 1);
    return (colon < 0 ? "" : digest.substring(0, colon + 1)) + hex.substring(0, Math.min(12, hex.length()));
  }

  private static String uid(OciHelmRelease release) {
    String uid = release.getMetadata().getUid();
    return uid != null ? uid : release.getMetadata().getNamespace() + "/" + release.getMetadata().getName();
  }
}
