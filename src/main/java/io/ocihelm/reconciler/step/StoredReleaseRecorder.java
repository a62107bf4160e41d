package io.ocihelm.reconciler.step;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.reconciler.ReconcileFailure;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

import io.ocihelm.apply.hook.HookRun;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.release.ReleaseChart;
import io.ocihelm.release.ReleaseDraft;
import io.ocihelm.release.ReleaseHistory;
import io.ocihelm.release.ReleaseHook;
import io.ocihelm.release.ReleaseRecord;
import io.ocihelm.release.ReleaseStatus;
import io.ocihelm.release.ReleaseStore;
import io.ocihelm.render.Manifest;
import io.ocihelm.render.RenderedRelease;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ReleaseRecorder} that keeps Helm's own release Secrets through {@link ReleaseStore}, so
 * {@code helm list}/{@code helm history} see our revisions and {@code .Release.Revision} counts the
 * revisions helm wrote too.
 */
public final class StoredReleaseRecorder implements ReleaseRecorder {
  static final String INTERRUPTED = "Interrupted: a newer attempt replaced this revision before it became healthy";
  private final Function<ReleaseRequest, ReleaseStore> stores;
  private final Clock clock;

  public StoredReleaseRecorder(ReleaseStore store) {
    this(request -> store, Clock.systemUTC());
  }

  /** @param stores the store acting as the release's identity (spec.serviceAccountName) */
  public StoredReleaseRecorder(Function<ReleaseRequest, ReleaseStore> stores, Clock clock) {
    this.stores = stores;
    this.clock = clock;
  }

  /**
   * Also Helm's lock: a pending record this release did not leave itself (it is not in
   * status.history) is another operation in progress: the release waits, or, once the record is
   * older than spec.timeout, unlocks it as failed first ({@link PendingOperation}).
   */
  @Override
  public long nextRevision(ReleaseRequest request) {
    return calling("read the release records", () -> {
      ReleaseStore store = stores.apply(request);
      ReleaseHistory history = history(request);
      if (!leftByThisRelease(history, request)) {
        String timeout = request.spec().getTimeout() == null ? "5m" : request.spec().getTimeout();
        Optional<ReleaseRecord> stale = PendingOperation.staleRecord(history, clock.instant(), timeout);
        if (stale.isPresent()) {
          store.markFailed(stale.get(), PendingOperation.unlockedDescription(stale.get(), timeout));
        }
      }
      return (long) history.nextVersion();
    });
  }

  // Our own pending revision (waiting for health) is no lock against our next attempt: begin()
  // settles it as interrupted.
  private static boolean leftByThisRelease(ReleaseHistory history, ReleaseRequest request) {
    return history.latest()
        .map(latest -> request.observedStatus().getHistory().stream()
            .anyMatch(h -> h.getRevision() != null && h.getRevision() == latest.version()))
        .orElse(false);
  }

  @Override
  public void recordDeployed(ReleaseRequest request) {
    calling("record the release", () -> stores.apply(request).markDeployed(begin(request), null));
  }

  @Override
  public void recordFailed(ReleaseRequest request, String description) {
    calling("record the failed release", () -> stores.apply(request).markFailed(begin(request), description));
  }

  @Override
  public void recordPending(ReleaseRequest request) {
    calling("record the pending release", () -> begin(request));
  }

  @Override
  public Optional<Instant> pendingSince(ReleaseRequest request) {
    return calling("read the release records", () -> pending(history(request))
        .filter(r -> r.status() != ReleaseStatus.PENDING_ROLLBACK)
        .map(r -> r.info().lastDeployed()));
  }

  @Override
  public Optional<ReleaseRecord> pendingRecord(ReleaseRequest request) {
    return calling("read the release records", () -> pending(history(request)));
  }

  public void settlePending(ReleaseRequest request, boolean deployed, String description) {
    ReleaseStore store = stores.apply(request);
    calling("settle the pending release", () -> {
      pending(history(request)).map(p -> withRuns(p, request.hookRuns())).ifPresent(pending -> {
        if (deployed) {
          store.markDeployed(pending, description);
        } else {
          store.markFailed(pending, description);
        }
      });
      return null;
    });
  }

  @Override
  public Optional<ReleaseRecord> lastDeployed(ReleaseRequest request) {
    return calling("read the release records", () -> history(request).lastDeployed());
  }

  @Override
  public void recordRollback(ReleaseRequest request, ReleaseRecord target) {
    ReleaseStore store = stores.apply(request);
    calling("record the rollback", () -> {
      ReleaseHistory history = history(request);
      settleInterrupted(store, history);
      return store.beginRollback(history, target);
    });
  }

  /** A new pending revision, after settling one an earlier attempt left pending. */
  private ReleaseRecord begin(ReleaseRequest request) {
    ReleaseStore store = stores.apply(request);
    ReleaseDraft draft = draft(request);
    ReleaseHistory history = store.history(draft.namespace(), draft.name());
    settleInterrupted(store, history);
    return store.begin(history, draft);
  }

  // A revision still pending when a new attempt starts was abandoned (the inputs changed while it
  // waited for health, or the operator stopped meanwhile): it never became healthy.
  private static void settleInterrupted(ReleaseStore store, ReleaseHistory history) {
    pending(history).ifPresent(p -> store.markFailed(p, INTERRUPTED));
  }

  private ReleaseHistory history(ReleaseRequest request) {
    return stores.apply(request).history(request.targetNamespace(), request.releaseName());
  }

  /**
   * The API server refused a release record (e.g. Forbidden for the release's ServiceAccount): a
   * failure status can name, not a bug. Server errors, throttling and conflicts are retried.
   */
  private static <T> T calling(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      int code = e.getCode();
      String message = "cannot " + what + ": " + e.getMessage();
      boolean retried = code == 0 || code == 409 || code == 429 || code >= 500;
      throw retried
          ? ReconcileFailure.transientFailure(Reason.ApplyFailed, message, e)
          : ReconcileFailure.terminal(Reason.ApplyFailed, message, e);
    }
  }

  private static Optional<ReleaseRecord> pending(ReleaseHistory history) {
    return history.latest().filter(r -> r.status().isPending() && r.info() != null);
  }

  private static ReleaseDraft draft(ReleaseRequest request) {
    RenderedRelease rendered = request.rendered();
    return new ReleaseDraft(
        request.targetNamespace(),
        request.releaseName(),
        ReleaseChart.from(request.chart()),
        request.values().values(),
        manifest(rendered.manifests()),
        hooks(rendered.hooks(), request.hookRuns()),
        rendered.notes(),
        null);
  }

  @Override
  public void recordUninstalled(ReleaseRequest request) {
    calling("delete the release records", () -> {
      stores.apply(request).deleteAll(request.targetNamespace(), request.releaseName());
      return null;
    });
  }

  // Helm compat: the stored manifest is every document as "---\n# Source: <path>\n<content>\n".
  private static String manifest(List<Manifest> manifests) {
    StringBuilder text = new StringBuilder();
    for (Manifest manifest : manifests) {
      text.append("---\n# Source: ").append(manifest.path()).append('\n').append(manifest.content()).append('\n');
    }
    return text.toString();
  }

  /**
   * Every rendered hook (test hooks too) with its weight and delete policies; a hook that ran in
   * this reconcile gets its last run, and the policies it ran with (Helm records the default it
   * applied).
   */
  private static List<ReleaseHook> hooks(List<Manifest> hooks, List<HookRun> runs) {
    Map<Manifest, HookRun> lastRun = new HashMap<>();
    runs.forEach(run -> lastRun.put(run.hook(), run));
    return hooks.stream()
        .map(h -> {
          HookRun run = lastRun.get(h);
          return run == null
              ? ReleaseHook.of(h.name(), h.kind(), h.path(), h.content(), h.hookEvents(), h.hookWeight(),
                  h.hookDeletePolicies())
              : ReleaseHook.ran(h.name(), h.kind(), h.path(), h.content(), h.hookEvents(), h.hookWeight(),
                  run.deletePolicies(), run.phase(), run.startedAt(), run.completedAt());
        })
        .toList();
  }

  @Override
  public List<Manifest> deployedHooks(ReleaseRequest request) {
    return history(request).lastDeployed()
        .map(StoredReleaseRecorder::hookManifests)
        .orElse(List.of());
  }

  /** The hooks of a record, as the hook runner takes them. */
  public static List<Manifest> hookManifests(ReleaseRecord record) {
    return record.hooks().stream()
        .map(h -> new Manifest(h.path(), h.manifest(), h.kind(), h.name(), h.events(), h.weight(), h.deletePolicies()))
        .toList();
  }

  /** {@code record} with the last runs of the hooks that ran since it was written (post hooks of a pending revision). */
  private static ReleaseRecord withRuns(ReleaseRecord record, List<HookRun> runs) {
    if (runs.isEmpty()) {
      return record;
    }
    List<ReleaseHook> hooks = record.hooks().stream()
        .map(h -> runs.stream()
            .filter(r -> r.hook().name().equals(h.name()) && r.hook().kind().equals(h.kind()) && r.hook().path().equals(h.path()))
            .reduce((first, second) -> second)
            .map(r -> ReleaseHook.ran(h.name(), h.kind(), h.path(), h.manifest(), h.events(), h.weight(),
                r.deletePolicies(), r.phase(), r.startedAt(), r.completedAt()))
            .orElse(h))
        .toList();
    return record.withHooks(hooks);
  }
}
