package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.reconciler.GoDuration;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.release.ReleaseHistory;
import io.ocihelm.release.ReleaseRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Helm's lock: a release whose newest record is pending-install, pending-upgrade or
 * pending-rollback is being changed by someone (helm refuses with "another operation
 * (install/upgrade/rollback) is in progress"), or was, by someone who died midway.
 *
 * <p>Decision (recorded in docs/operator.md): Flux's helm-controller unlocks every pending release
 * it finds (marks it failed, then retries), assuming it is the only writer. We also unlock, but only
 * a record older than the release's spec.timeout: a younger one may be a {@code helm upgrade} that
 * is running right now, so the release waits ({@link ReconcileFailure#waiting}) and checks again.
 */
final class PendingOperation {
  /** Bounds on the wait between two checks of a young pending record. */
  static final Duration MIN_RECHECK = Duration.ofSeconds(5);
  static final Duration MAX_RECHECK = Duration.ofSeconds(30);

  private PendingOperation() {}

  /**
   * Empty when nothing is pending; the stale pending record to unlock otherwise.
   *
   * @throws ReconcileFailure waiting, when the pending record is younger than {@code timeout}
   */
  static Optional<ReleaseRecord> staleRecord(ReleaseHistory history, Instant now, String timeoutText) {
    Duration timeout = GoDuration.parse(timeoutText);
    if (!history.hasPendingOperation()) {
      return Optional.empty();
    }
    ReleaseRecord pending = history.latest().orElseThrow();
    Instant started = pending.info() == null ? null : pending.info().lastDeployed();
    Duration age = started == null ? timeout : Duration.between(started, now);
    if (age.compareTo(timeout) >= 0) {
      return Optional.of(pending);
    }
    Duration left = timeout.minus(age);
    Duration recheck = left.compareTo(MIN_RECHECK) < 0 ? MIN_RECHECK
        : left.compareTo(MAX_RECHECK) > 0 ? MAX_RECHECK : left;
    throw ReconcileFailure.waiting(Reason.Progressing,
        "another operation (" + pending.status().wire() + " of revision " + pending.version()
            + ", started " + started + ") is in progress on release " + history.name()
            + "; waiting until it ends or is older than spec.timeout (" + timeoutText + ")",
        recheck);
  }

  /** The description a stale pending record gets when it is unlocked (shown by helm history). */
  static String unlockedDescription(ReleaseRecord stale, String timeoutText) {
    return "Release unlocked by ocihelm from stale '" + stale.status().wire()
        + "' state (older than spec.timeout " + timeoutText + ")";
  }
}
