package io.ocihelm.reconciler;

import io.ocihelm.assess.HealthReport;
import java.time.Duration;

/**
 * The health step's answer for this reconcile: healthy (or not waited for, spec.wait false), still
 * waiting within spec.timeout (check again after {@code recheckAfter}), or timed out.
 *
 * @param state where the wait stands
 * @param report the objects' health; empty when not waited for
 * @param waited how long the attempt has waited so far
 * @param recheckAfter when WAITING: the delay before the next look
 */
public record HealthVerdict(State state, HealthReport report, Duration waited, Duration recheckAfter) {

  public enum State {
    HEALTHY,
    WAITING,
    TIMED_OUT
  }

  /** spec.wait is false: Ready as soon as the apply succeeded, as helm without --wait. */
  public static HealthVerdict notWaited() {
    return new HealthVerdict(State.HEALTHY, new HealthReport(0, java.util.List.of()), Duration.ZERO, Duration.ZERO);
  }

  public static HealthVerdict healthy(HealthReport report, Duration waited) {
    return new HealthVerdict(State.HEALTHY, report, waited, Duration.ZERO);
  }

  public static HealthVerdict waiting(HealthReport report, Duration waited, Duration recheckAfter) {
    return new HealthVerdict(State.WAITING, report, waited, recheckAfter);
  }

  public static HealthVerdict timedOut(HealthReport report, Duration waited) {
    return new HealthVerdict(State.TIMED_OUT, report, waited, Duration.ZERO);
  }
}
