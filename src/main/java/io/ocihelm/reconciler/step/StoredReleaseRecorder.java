package io.ocihelm.reconciler.step;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.release.ReleaseChart;
import io.ocihelm.release.ReleaseDraft;
import io.ocihelm.release.ReleaseHistory;
import io.ocihelm.release.ReleaseHook;
import io.ocihelm.release.ReleaseRecord;
import io.ocihelm.release.ReleaseStore;
import io.ocihelm.render.Manifest;
import io.ocihelm.render.RenderedRelease;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link ReleaseRecorder} that keeps Helm's own release Secrets through {@link ReleaseStore}, so
 * {@code helm list}/{@code helm history} see our revisions and {@code .Release.Revision} counts the
 * revisions helm wrote too.
 */
public final class StoredReleaseRecorder implements ReleaseRecorder {
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
   * Also Helm's lock: a pending record (another operation in progress) makes the release wait, or,
   * once older than spec.timeout, is unlocked as failed first ({@link PendingOperation}).
   */
  @Override
  public long nextRevision(ReleaseRequest request) {
    return calling("read the release records", () -> revisionAfterLock(request));
  }

  private long revisionAfterLock(ReleaseRequest request) {
    ReleaseStore store = stores.apply(request);
    ReleaseHistory history = store.history(request.targetNamespace(), request.releaseName());
    String timeout = request.spec().getTimeout() == null ? "5m" : request.spec().getTimeout();
    Optional<ReleaseRecord> stale = PendingOperation.staleRecord(history, clock.instant(), timeout);
    if (stale.isPresent()) {
      store.markFailed(stale.get(), PendingOperation.unlockedDescription(stale.get(), timeout));
    }
    return history.nextVersion();
  }

  @Override
  public void recordDeployed(ReleaseRequest request) {
    calling("record the release", () -> stores.apply(request).recordDeployed(draft(request)));
  }

  @Override
  public void recordFailed(ReleaseRequest request, String description) {
    ReleaseDraft draft = draft(request);
    ReleaseStore store = stores.apply(request);
    calling("record the failed release",
        () -> store.markFailed(store.begin(store.history(draft.namespace(), draft.name()), draft), description));
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

  private static ReleaseDraft draft(ReleaseRequest request) {
    RenderedRelease rendered = request.rendered();
    return new ReleaseDraft(
        request.targetNamespace(),
        request.releaseName(),
        ReleaseChart.from(request.chart()),
        request.values().values(),
        manifest(rendered.manifests()),
        hooks(rendered.hooks()),
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

  // Weight and delete policies are not modelled by the renderer's Manifest yet: recorded as none.
  private static List<ReleaseHook> hooks(List<Manifest> hooks) {
    return hooks.stream()
        .map(h -> ReleaseHook.of(h.name(), h.kind(), h.path(), h.content(), h.hookEvents(), 0, List.of()))
        .toList();
  }
}
