package io.ocihelm.apply;

import java.util.Set;

/**
 * Server-side apply refused: another field manager owns fields the chart sets. Not retried: it
 * persists until the other manager lets go or the release is configured to force.
 */
public final class ApplyConflictException extends ApplyException {
  private final Set<String> managers;

  public ApplyConflictException(Inventory.Entry object, String message, Set<String> managers, Throwable cause) {
    super(object, "conflict with another field manager (apply is not forced): " + message, false, cause);
    this.managers = Set.copyOf(managers);
  }

  /** The field managers that hold the conflicting fields, as the API server named them. */
  public Set<String> managers() {
    return managers;
  }
}
