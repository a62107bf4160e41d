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
        return after;
      }
      case ReconcileOutcome.Released released -> {
        ReleaseRequest.ResolvedChart resolved = request.resolvedChart();
        after.setObservedGeneration(generation);
        after.setChart(chartStatus(request.chart(), resolved));
        after.setLastAttemptedRevision(resolved.revision());
        after.setLastAppliedRevision(resolved.revision());
        after.setLastAppliedValuesChecksum(request.values().checksum());
        after.setInventory(request.applied().entries().stream()
            .map(e -> new InventoryEntry(e.apiVersion(), e.kind(), e.namespace().isEmpty() ? null : e.namespace(), e.name()))
            .toList());
        after.setFailures(0L);
        String message = "Release " + request.releaseName() + " applied: " + request.chart().name() + " "
            + resolved.version() + " (" + request.applied().entries().size() + " objects)";
        after.setConditions(conditions(before, generation,
            condition(ConditionType.Ready, ConditionStatus.True, Reason.Succeeded, message)));
        after.setHistory(history(before, request));
      }
      case ReconcileOutcome.Failed failed when failed.failure().isWaiting() -> {
        // Nothing was attempted and nothing failed: Ready=False says why, Reconciling=True says it
        // will be looked at again; failures and revisions stay as they were.
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
        after.setFailures(Optional.ofNullable(before.getFailures()).orElse(0L) + 1);
        Wanted ready = condition(ConditionType.Ready, ConditionStatus.False, failure.reason(), failure.getMessage());
        // kstatus: a transient failure is still being worked on (Reconciling); a terminal one
        // waits for a change of the spec (Stalled).
        Wanted progress = failure.isTransient()
            ? condition(ConditionType.Reconciling, ConditionStatus.True, Reason.Progressing,
                "retrying with backoff: " + failure.getMessage())
            : condition(ConditionType.Stalled, ConditionStatus.True, failure.reason(), failure.getMessage());
        after.setConditions(conditions(before, generation, ready, progress));
      }
    }
    return after;
  }

  /**
   * The history with this reconcile's release record (if it wrote one) in front, as Helm's own
   * history reads: a new deployed revision supersedes the one deployed before it, a failed one
   * leaves it deployed. Without a new record the history is exactly as it was (no churn).
   */
  private List<HistoryEntry> history(OciHelmReleaseStatus before, ReleaseRequest request) {
    List<HistoryEntry> previous = before.getHistory() == null ? List.of() : before.getHistory();
    if (request.recorded().isEmpty()) {
      return previous;
    }
    ReleaseRequest.RecordedRevision recorded = request.recorded().get();
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
    entry.setStartedAt(request.startedAt().orElse(finished).truncatedTo(ChronoUnit.SECONDS).toString());
    entry.setFinishedAt(finished.toString());
    entry.setMessage(recorded.description());
    List<HistoryEntry> result = new ArrayList<>();
    result.add(entry);
    for (HistoryEntry older : previous) {
      if (result.size() == HISTORY_KEPT) {
        break;
      }
      if (older.getRevision() != null && older.getRevision() == recorded.number()) {
        continue; // the same revision written again (a retried status write): the newest wins
      }
      HistoryEntry copy = JSON.convertValue(older, HistoryEntry.class);
      if ("deployed".equals(recorded.status()) && "deployed".equals(copy.getStatus())) {
        copy.setStatus("superseded");
      }
      result.add(copy);
    }
    return result;
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

  private record Wanted(ConditionType type, ConditionStatus status, Reason reason, String message) {}

  private static Wanted condition(ConditionType type, ConditionStatus status, Reason reason, String message) {
    return new Wanted(type, status, reason, message);
  }

  /**
   * Ready, Reconciling and Stalled as wanted (the ones not wanted are dropped: kstatus reads an
   * absent Reconciling or Stalled as False); other condition types (Drifted, Verified) kept.
   */
  private List<Condition> conditions(OciHelmReleaseStatus before, long generation, Wanted... wanted) {
    List<ConditionType> owned = List.of(ConditionType.Ready, ConditionType.Reconciling, ConditionType.Stalled);
    List<Condition> result = new ArrayList<>();
    for (Wanted w : wanted) {
      Optional<Condition> previous = before.getConditions().stream().filter(c -> c.is(w.type())).findFirst();
      String since = previous
          .filter(p -> p.getStatus() == w.status())
          .map(Condition::getLastTransitionTime)
          .orElseGet(() -> now().toString());
      result.add(new Condition(w.type(), w.status(), w.reason(), w.message(), generation, since));
    }
    before.getConditions().stream()
        .filter(c -> owned.stream().noneMatch(c::is))
        .forEach(result::add);
    return result;
  }
}
