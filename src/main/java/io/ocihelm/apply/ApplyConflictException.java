package io.ocihelm.apply;

/**
 * Server-side apply refused: another field manager owns fields the chart sets. Not retried: it
 * persists until the other manager lets go or the release is configured to force.
 */
public final class ApplyConflictException extends ApplyException {
  public ApplyConflictException(Inventory.Entry object, String message, Throwable cause) {
    super(object, "conflict with another field manager (apply is not forced): " + message, false, cause);
  }
}
