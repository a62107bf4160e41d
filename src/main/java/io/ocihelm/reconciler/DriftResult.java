package io.ocihelm.reconciler;

import io.ocihelm.assess.ObjectDrift;
import java.util.List;

/**
 * What the drift check of one reconcile found and did, for {@link StatusWriter} (the Drifted
 * condition) and anyone who reports corrections (events).
 *
 * @param drifts the drifted objects (empty: in sync)
 * @param corrected whether the correctable ones were re-applied
 * @param failure why the correction failed, or null
 */
public record DriftResult(List<ObjectDrift> drifts, boolean corrected, String failure) {
  public static final DriftResult IN_SYNC = new DriftResult(List.of(), false, null);

  public DriftResult {
    drifts = List.copyOf(drifts);
  }

  public static DriftResult detected(List<ObjectDrift> drifts) {
    return new DriftResult(drifts, false, null);
  }

  public static DriftResult corrected(List<ObjectDrift> drifts) {
    return new DriftResult(drifts, true, null);
  }

  public static DriftResult correctionFailed(List<ObjectDrift> drifts, String failure) {
    return new DriftResult(drifts, false, failure);
  }

  /** Whether objects still differ after this reconcile (reported, failed, or being deleted). */
  public boolean stillDrifted() {
    if (drifts.isEmpty()) {
      return false;
    }
    return !corrected || drifts.stream().anyMatch(d -> d.correction() == null);
  }
}
