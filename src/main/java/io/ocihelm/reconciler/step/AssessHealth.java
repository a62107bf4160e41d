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

  private final ReleaseHealth health;
  private final ReleaseRecorder records;
  private final Clock clock;

  public AssessHealth(ReleaseHealth health, ReleaseRecorder records, Clock clock) {
    this.health = health;
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
    HealthReport report = health.assess(inventory, request.hasApplied());
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
