package io.ocihelm.reconciler;

import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.DriftDetectionMode;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.assess.ObjectDrift;
import io.ocihelm.reconciler.step.CorrectDrift;
import java.util.List;
import java.util.Optional;

/**
 * The Drifted condition {@link StatusWriter} wants: after a drift check, and after a release. The
 * message lists the objects and fields, bounded to {@value #MAX_MESSAGE} characters. With no drift
 * and no drift before, nothing changes, so an in-sync reconcile writes nothing.
 */
final class DriftConditions {
  static final int MAX_MESSAGE = 1024;

  private DriftConditions() {}

  /** After a drift check; empty: leave the condition as it is. */
  static Optional<StatusWriter.Wanted> afterCheck(DriftResult drift, OciHelmReleaseStatus before) {
    if (drift == null) {
      return Optional.empty();
    }
    if (drift.drifts().isEmpty()) {
      boolean wasDrifted = before.getConditions().stream()
          .anyMatch(c -> c.is(ConditionType.Drifted) && c.getStatus() == ConditionStatus.True);
      return wasDrifted
          ? Optional.of(StatusWriter.condition(ConditionType.Drifted, ConditionStatus.False, Reason.NoDrift, inSync()))
          : Optional.empty();
    }
    if (drift.stillDrifted()) {
      String message = bounded(drift.drifts().size() + " drifted: ", drift.drifts(),
          drift.failure() == null ? "" : "; correction failed: " + drift.failure());
      return Optional.of(StatusWriter.condition(ConditionType.Drifted, ConditionStatus.True, Reason.DriftDetected, message));
    }
    return Optional.of(StatusWriter.condition(ConditionType.Drifted, ConditionStatus.False, Reason.DriftCorrected,
        bounded(drift.drifts().size() + " corrected: ", drift.drifts(), "")));
  }

  /**
   * After a release everything was just applied: a Drifted condition there was becomes False
   * (none is added: absent means no drift was ever reported); none when detection is disabled.
   */
  static Optional<StatusWriter.Wanted> afterRelease(ReleaseRequest request, OciHelmReleaseStatus before) {
    boolean reported = before.getConditions().stream().anyMatch(c -> c.is(ConditionType.Drifted));
    if (CorrectDrift.mode(request) == DriftDetectionMode.DISABLED || !reported) {
      return Optional.empty();
    }
    return Optional.of(StatusWriter.condition(ConditionType.Drifted, ConditionStatus.False, Reason.NoDrift, inSync()));
  }

  private static String inSync() {
    return "released objects match what was applied";
  }

  /** {@code head} and the drifts separated by "; ", cut with "… and N more" to stay bounded. */
  static String bounded(String head, List<ObjectDrift> drifts, String tail) {
    StringBuilder text = new StringBuilder(head);
    int budget = MAX_MESSAGE - Math.min(tail.length(), MAX_MESSAGE / 2) - 32;
    for (int i = 0; i < drifts.size(); i++) {
      String item = (i == 0 ? "" : "; ") + drifts.get(i).describe();
      if (text.length() + item.length() > budget) {
        text.append("; … and ").append(drifts.size() - i).append(" more");
        break;
      }
      text.append(item);
    }
    String end = tail.length() > MAX_MESSAGE / 2 ? tail.substring(0, MAX_MESSAGE / 2) + "…" : tail;
    return text.append(end).toString();
  }
}
