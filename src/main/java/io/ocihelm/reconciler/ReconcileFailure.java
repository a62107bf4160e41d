package io.ocihelm.reconciler;

import io.ocihelm.api.v1alpha1.Reason;

/**
 * A step could not do its job. Transient failures (registry unavailable, API server throttling)
 * are retried with backoff; terminal ones (render error, invalid values, a missing chart) stall
 * the release until its inputs change. The message is what users read in the Ready condition.
 */
public final class ReconcileFailure extends RuntimeException {
  private final Reason reason;
  private final boolean isTransient;

  private ReconcileFailure(Reason reason, String message, boolean isTransient, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.isTransient = isTransient;
  }

  public static ReconcileFailure transientFailure(Reason reason, String message, Throwable cause) {
    return new ReconcileFailure(reason, message, true, cause);
  }

  public static ReconcileFailure terminal(Reason reason, String message, Throwable cause) {
    return new ReconcileFailure(reason, message, false, cause);
  }

  public Reason reason() {
    return reason;
  }

  public boolean isTransient() {
    return isTransient;
  }
}
