package io.ocihelm.reconciler;

import io.ocihelm.api.v1alpha1.Reason;
import java.time.Duration;
import java.util.Optional;

/**
 * A step could not do its job. Transient failures (registry unavailable, API server throttling)
 * are retried with backoff; terminal ones (render error, invalid values, a missing chart) stall
 * the release until its inputs change; waiting ones (a dependency not Ready yet, another helm
 * operation in progress) are neither: the release asks to be looked at again after a short, fixed
 * delay, without backoff and without counting as a failure. The message is what users read in the
 * Ready condition.
 */
public final class ReconcileFailure extends RuntimeException {
  private final Reason reason;
  private final boolean isTransient;
  private final Duration retryAfter;
  private ReleaseRequest request;

  private ReconcileFailure(Reason reason, String message, boolean isTransient, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.isTransient = isTransient;
    this.retryAfter = retryAfter;
  }

  private ReconcileFailure(Reason reason, String message, boolean isTransient, Throwable cause) {
    this(reason, message, isTransient, null, cause);
  }

  /** Nothing is wrong yet, something must happen first: looked at again after {@code retryAfter}. */
  public static ReconcileFailure waiting(Reason reason, String message, Duration retryAfter) {
    return new ReconcileFailure(reason, message, false, retryAfter, null);
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

  /** A waiting failure: the fixed delay after which the release is reconciled again. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public boolean isWaiting() {
    return retryAfter != null;
  }

  /**
   * The reconcile this failure ended, kept so that status written later (JOSDK's
   * updateErrorStatus, after a transient failure was rethrown) still knows what was attempted.
   */
  public ReconcileFailure during(ReleaseRequest failedRequest) {
    if (this.request == null) {
      this.request = failedRequest;
    }
    return this;
  }

  public Optional<ReleaseRequest> request() {
    return Optional.ofNullable(request);
  }
}
