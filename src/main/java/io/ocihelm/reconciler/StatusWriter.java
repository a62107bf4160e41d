package io.ocihelm.reconciler;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocihelm.api.v1alpha1.ChartStatus;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.HistoryEntry;
import io.ocihelm.api.v1alpha1.InventoryEntry;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.chart.Chart;
import io.ocihelm.reconciler.watch.ReconcileRequests;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place that turns a reconcile's outcome into status (kstatus conditions Ready,
 * Reconciling, Stalled; observedGeneration; chart; revisions; values checksum; inventory;
 * failures; history: the last {@value #HISTORY_KEPT} release records this operator wrote, newest
 * first). A condition whose status did not change keeps its lastTransitionTime (as
 * {@code meta.SetStatusCondition} does); {@link #changed} tells the reconciler whether there is anything to write.
 */
public final class StatusWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** DESIGN.md §2: status.history keeps the last 5 entries (the CRD says maxItems 5 too). */
  static final int HISTORY_KEPT = 5;
  private final Clock clock;

  public StatusWriter(Clock clock) {
    this.clock = clock;
  }

  /** Now, to the second, as every timestamp in status is written. */
  public Instant now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
  }

  /** The status {@code outcome} calls for, built from the status observed at the start. */
  public OciHelmReleaseStatus desired(ReconcileOutcome outcome) {
    ReleaseRequest request = outcome.request();
    OciHelmReleaseStatus before = request.observedStatus();
    OciHelmReleaseStatus after = JSON.convertValue(before, OciHelmReleaseStatus.class);
    long generation = request.generation();
    switch (outcome) {
      case ReconcileOutcome.UpToDate upToDate -> {
        DriftConditions.afterCheck(request.drift(), before).ifPresent(w -> setDrifted(after, before, generation, w));
        return after;
      }
      case ReconcileOutcome.Released released -> {
        ReleaseRequest.ResolvedChart resolved = request.resolvedChart();
        attempted(after, request);
        if (request.hasChart()) {
          after.setChart(chartStatus(request.chart(), resolved));
        }
        after.setLastAppliedRevision(resolved.revision());
        after.setLastAppliedValuesChecksum(request.values().checksum());
        inventory(after, request);
        after.setFailures(0L);
        handledRequest(request, after);
        String chartName = request.hasChart() ? request.chart().name()
            : Optional.ofNullable(after.getChart()).map(ChartStatus::getName).orElse("");
        String message = "Release " + request.releaseName() + " applied: " + chartName + " "
            + resolved.version() + " (" + after.getInventory().size() + " objects)";
        after.setConditions(conditions(before, generation,
            condition(ConditionType.Ready, ConditionStatus.True, Reason.Succeeded, message)));
        setDrifted(after, before, generation, DriftConditions.afterRelease(request, before).orElse(null));
        setVerified(after, before, generation, request);
        after.setHistory(history(before, request));
      }
      case ReconcileOutcome.Waiting waiting -> {
        after.setHistory(history(before, request));
        attempted(after, request);
        handledRequest(request, after);
        if (request.hasChart()) {
          after.setChart(chartStatus(request.chart(), request.resolvedChart()));
        }
        inventory(after, request);
        // kstatus: in progress. The message leaves out the time waited so far, so a recheck that
        // finds the same objects unhealthy writes nothing.
        String message = "waiting up to " + request.spec().getTimeout() + " for the release to become healthy: "
            + request.health().report().summary();
        after.setConditions(conditions(before, generation,
            condition(ConditionType.Ready, ConditionStatus.Unknown, Reason.Progressing, message),
            condition(ConditionType.Reconciling, ConditionStatus.True, Reason.Progressing, message)));
        setVerified(after, before, generation, request);
      }
      case ReconcileOutcome.Failed failed when failed.failure().isWaiting() -> {
        // Nothing was attempted and nothing failed (a dependency, another helm operation): Ready=False
        // says why, Reconciling=True says it will be looked at again; failures and revisions stay.
        ReconcileFailure waiting = failed.failure();
        after.setObservedGeneration(generation);
        after.setConditions(conditions(before, generation,
            condition(ConditionType.Ready, ConditionStatus.False, waiting.reason(), waiting.getMessage()),
            condition(ConditionType.Reconciling, ConditionStatus.True, Reason.Progressing,
                "waiting: " + waiting.getMessage())));
      }
      case ReconcileOutcome.Failed failed -> {
        ReconcileFailure failure = failed.failure();
        after.setObservedGeneration(generation);
        after.setHistory(history(before, request));
        if (request.hasResolvedChart()) {
          after.setLastAttemptedRevision(request.resolvedChart().revision());
        }
        if (request.hasValues()) {
          after.setLastAttemptedValuesChecksum(request.values().checksum());
        }
        after.setFailures(request.failuresIncludingThis());
        handledRequest(request, after);
        Optional<Remediation> remediation = request.remediation();
        if (remediation.filter(r -> r.action() == Remediation.Action.ROLLBACK || r.action() == Remediation.Action.UNINSTALL).isPresent()) {
          // What is in the cluster now: the rolled-back revision's objects, or nothing.
          inventory(after, request);
        }
        String message = failure.getMessage() + remediation.map(r -> "; " + r.describe()).orElse("");
        Wanted ready = condition(ConditionType.Ready, ConditionStatus.False, failure.reason(), message);
        // kstatus: a transient failure or a remediation retry is still being worked on
        // (Reconciling); a terminal one waits for a change of the spec (Stalled).
        Wanted progress;
        if (failure.isTransient()) {
          progress = condition(ConditionType.Reconciling, ConditionStatus.True, Reason.Progressing,
              "retrying with backoff: " + failure.getMessage());
        } else if (remediation.filter(Remediation::isRetry).isPresent()) {
          progress = condition(ConditionType.Reconciling, ConditionStatus.True, Reason.Progressing, message);
        } else {
          progress = condition(ConditionType.Stalled, ConditionStatus.True, failure.reason(), message);
        }
        after.setConditions(conditions(before, generation, ready, progress));
        setVerified(after, before, generation, request);
      }
    }
    return after;
  }

  /**
   * The history with this reconcile's release record (if it wrote one) in front, as Helm's own
   * history reads: a new deployed revision supersedes the one deployed before it, a failed one
   * leaves it deployed, a settled pending one replaces its entry. Without a new record the history
   * is exactly as it was (no churn).
   */
  private List<HistoryEntry> history(OciHelmReleaseStatus before, ReleaseRequest request) {
    List<HistoryEntry> previous = before.getHistory() == null ? List.of() : before.getHistory();
    if (request.recorded().isEmpty()) {
      return previous;
    }
    ReleaseRequest.RecordedRevision recorded = request.recorded().get();
    Optional<HistoryEntry> same = previous.stream()
        .filter(h -> h.getRevision() != null && h.getRevision() == recorded.number()).findFirst();
    HistoryEntry entry = new HistoryEntry();
    entry.setRevision(recorded.number());
    if (request.hasResolvedChart()) {
      entry.setChartVersion(request.resolvedChart().version());
      entry.setDigest(request.resolvedChart().digest());
    }
    if (request.hasValues()) {
      entry.setValuesChecksum(request.values().checksum());
    }
    entry.setStatus(recorded.status());
    Instant finished = now();
    // A settled pending revision started when its attempt did, not when it was settled.
    entry.setStartedAt(same.map(HistoryEntry::getStartedAt)
        .orElseGet(() -> request.startedAt().orElse(finished).truncatedTo(ChronoUnit.SECONDS).toString()));
    if (!recorded.status().startsWith("pending-")) {
      entry.setFinishedAt(finished.toString());
    }
    entry.setMessage(recorded.description());
    List<HistoryEntry> result = new ArrayList<>();
    result.add(entry);
    for (HistoryEntry older : previous) {
      if (result.size() == HISTORY_KEPT) {
        break;
      }
      if (older.getRevision() != null && older.getRevision() == recorded.number()) {
        continue; // the same revision again (settled, or a retried status write): the newest wins
      }
      HistoryEntry copy = JSON.convertValue(older, HistoryEntry.class);
      if ("deployed".equals(recorded.status()) && "deployed".equals(copy.getStatus())) {
        copy.setStatus("superseded");
      }
      if (copy.getStatus() != null && copy.getStatus().startsWith("pending-")) {
        // Helm compat: a newer attempt settles an abandoned pending revision as failed.
        copy.setStatus("failed");
      }
      result.add(copy);
    }
    return result;
  }

  /** A reconcile requested by annotation was handled (released or failed): echo its value. */
  private static void handledRequest(ReleaseRequest request, OciHelmReleaseStatus after) {
    ReconcileRequests.requestedAt(request.release()).ifPresent(after::setLastHandledReconcileAt);
  }

  /** What was attempted: generation, chart revision, values checksum. */
  private static void attempted(OciHelmReleaseStatus after, ReleaseRequest request) {
    after.setObservedGeneration(request.generation());
    after.setLastAttemptedRevision(request.resolvedChart().revision());
    after.setLastAttemptedValuesChecksum(request.values().checksum());
  }

  /** The inventory of what this reconcile applied; unchanged when it applied nothing. */
  private static void inventory(OciHelmReleaseStatus after, ReleaseRequest request) {
    if (request.hasApplied()) {
      after.setInventory(request.applied().entries().stream()
          .map(e -> new InventoryEntry(e.apiVersion(), e.kind(), e.namespace().isEmpty() ? null : e.namespace(), e.name()))
          .toList());
    }
  }

  /** True when {@code desired} differs from what the API server has. */
  public static boolean changed(OciHelmReleaseStatus observed, OciHelmReleaseStatus desired) {
    return observed == null || !JSON.valueToTree(observed).equals(JSON.valueToTree(desired));
  }

  private static ChartStatus chartStatus(Chart chart, ReleaseRequest.ResolvedChart resolved) {
    ChartStatus status = new ChartStatus();
    status.setName(chart.name());
    status.setVersion(chart.metadata().version);
    String appVersion = chart.metadata().appVersion;
    status.setAppVersion(appVersion == null || appVersion.isEmpty() ? null : appVersion);
    status.setDigest(resolved.digest());
    return status;
  }

  record Wanted(ConditionType type, ConditionStatus status, Reason reason, String message) {}

  static Wanted condition(ConditionType type, ConditionStatus status, Reason reason, String message) {
    return new Wanted(type, status, reason, message);
  }

  /**
   * The Drifted condition as wanted, in its place (or appended), keeping lastTransitionTime while
   * its status is unchanged; removed when {@code wanted} is null.
   */
  private void setDrifted(OciHelmReleaseStatus after, OciHelmReleaseStatus before, long generation, Wanted wanted) {
    setCondition(after, before, generation, ConditionType.Drifted, wanted);
  }

  /**
   * Verified from this reconcile's signature check (spec.verify); as it was when the check was not
   * reached (a registry failure before it, say); removed without spec.verify.
   */
  private void setVerified(OciHelmReleaseStatus after, OciHelmReleaseStatus before, long generation,
      ReleaseRequest request) {
    if (request.spec().getVerify() == null) {
      setCondition(after, before, generation, ConditionType.Verified, null);
      return;
    }
    request.signatureCheck().ifPresent(check -> setCondition(after, before, generation, ConditionType.Verified,
        check.passed()
            ? condition(ConditionType.Verified, ConditionStatus.True, Reason.Succeeded, check.message())
            : condition(ConditionType.Verified, ConditionStatus.False, Reason.VerificationFailed, check.message())));
  }

  private void setCondition(OciHelmReleaseStatus after, OciHelmReleaseStatus before, long generation,
      ConditionType type, Wanted wanted) {
    List<Condition> result = new ArrayList<>();
    boolean placed = false;
    for (Condition c : after.getConditions()) {
      if (!c.is(type)) {
        result.add(c);
      } else if (wanted != null) {
        result.add(built(before, generation, wanted));
        placed = true;
      }
    }
    if (wanted != null && !placed) {
      result.add(built(before, generation, wanted));
    }
    after.setConditions(result);
  }

  private Condition built(OciHelmReleaseStatus before, long generation, Wanted w) {
    Optional<Condition> previous = before.getConditions().stream().filter(c -> c.is(w.type())).findFirst();
    String since = previous
        .filter(p -> p.getStatus() == w.status())
        .map(Condition::getLastTransitionTime)
        .orElseGet(() -> now().toString());
    return new Condition(w.type(), w.status(), w.reason(), w.message(), generation, since);
  }

  /**
   * Ready, Reconciling and Stalled as wanted (the ones not wanted are dropped: kstatus reads an
   * absent Reconciling or Stalled as False); other condition types (Drifted, Verified) kept.
   */
  private List<Condition> conditions(OciHelmReleaseStatus before, long generation, Wanted... wanted) {
    List<ConditionType> owned = List.of(ConditionType.Ready, ConditionType.Reconciling, ConditionType.Stalled);
    List<Condition> result = new ArrayList<>();
    for (Wanted w : wanted) {
      result.add(built(before, generation, w));
    }
    before.getConditions().stream()
        .filter(c -> owned.stream().noneMatch(c::is))
        .forEach(result::add);
    return result;
  }
}
