package io.ocihelm.reconciler.step;

import io.ocihelm.apply.Inventory;
import io.ocihelm.assess.HealthReport;
import io.ocihelm.assess.ReleaseHealth;
import io.ocihelm.reconciler.GoDuration;
import io.ocihelm.reconciler.HealthVerdict;
import io.ocihelm.reconciler.ReleaseRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Assess: with spec.wait, are the released objects healthy (kstatus rules, {@link
 * io.ocihelm.assess.HealthRules})? Looks once and never blocks: while they are not, and
 * spec.timeout has not passed since the attempt started, the verdict is WAITING with a short delay
 * after which the reconcile looks again. The attempt started when its revision was recorded
 * pending (this reconcile, or an earlier one that applied it).
 */
public final class AssessHealth implements ReleaseStep {
  /** The first rechecks come quickly (most objects turn healthy within seconds) ... */
  static final Duration FIRST_RECHECK = Duration.ofSeconds(2);
  /** ... later ones back off to this, so a slow rollout costs few looks. */
  static final Duration MAX_RECHECK = Duration.ofSeconds(15);

  private final ReleaseHealth afterApply;
  private final ReleaseHealth whileWaiting;
  private final ReleaseRecorder records;
  private final Clock clock;

  /** One source of live objects for both looks (tests, the CLI). */
  public AssessHealth(ReleaseHealth health, ReleaseRecorder records, Clock clock) {
    this(health, health, records, clock);
  }

  /**
   * @param afterApply reads the API server: right after an apply an informer cache may still hold
   *     the previous version of an object (healthy at its old generation), which would end the
   *     wait before it began
   * @param whileWaiting reads the shared informers: rechecks cost no API call while anything is
   *     unhealthy (the final healthy answer is confirmed through {@code afterApply}), and the
   *     informers' update events bring the recheck forward when an object changes
   */
  public AssessHealth(ReleaseHealth afterApply, ReleaseHealth whileWaiting, ReleaseRecorder records, Clock clock) {
    this.afterApply = afterApply;
    this.whileWaiting = whileWaiting;
    this.records = records;
    this.clock = clock;
  }

  @Override
  public void run(ReleaseRequest request) {
    if (Boolean.FALSE.equals(request.spec().getWait())) {
      request.setHealth(HealthVerdict.notWaited());
      return;
    }
    Inventory inventory = request.hasApplied() ? request.applied() : request.previousInventory();
    HealthReport report;
    if (request.hasApplied()) {
      report = afterApply.assess(inventory, true);
    } else {
      report = whileWaiting.assess(inventory);
      if (report.isHealthy() && afterApply != whileWaiting) {
        // A cache that lags an apply can show an object healthy at its old generation: only an
        // unhealthy answer is taken from the cache, a healthy one is confirmed by the API server.
        report = afterApply.assess(inventory);
      }
    }
    Instant now = clock.instant();
    Instant since = request.hasRendered() ? now : records.pendingSince(request).orElse(now);
    Duration waited = Duration.between(since, now);
    if (report.isHealthy()) {
      request.setHealth(HealthVerdict.healthy(report, waited));
      return;
    }
    Duration timeout = GoDuration.parse(request.spec().getTimeout());
    request.setHealth(waited.compareTo(timeout) >= 0
        ? HealthVerdict.timedOut(report, waited)
        : HealthVerdict.waiting(report, waited, recheckAfter(waited, timeout)));
  }

  /** A quarter of the time waited, between 2 s and 15 s, and not past the deadline. */
  static Duration recheckAfter(Duration waited, Duration timeout) {
    Duration delay = waited.dividedBy(4);
    if (delay.compareTo(FIRST_RECHECK) < 0) {
      delay = FIRST_RECHECK;
    }
    if (delay.compareTo(MAX_RECHECK) > 0) {
      delay = MAX_RECHECK;
    }
    Duration untilDeadline = timeout.minus(waited);
    return delay.compareTo(untilDeadline) > 0 ? untilDeadline : delay;
  }
}
