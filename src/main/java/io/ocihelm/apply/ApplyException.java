package io.ocihelm.apply;

/**
 * Applying or deleting one object failed. {@link #isTransient()} says whether the same request may
 * succeed later (API server unavailable, throttled, a CRD not served yet) or needs a change first
 * (invalid object, field conflict, forbidden).
 */
public sealed class ApplyException extends RuntimeException permits ApplyConflictException {
  private final Inventory.Entry object;
  private final boolean isTransient;

  public ApplyException(Inventory.Entry object, String message, boolean isTransient, Throwable cause) {
    super(object + ": " + message, cause);
    this.object = object;
    this.isTransient = isTransient;
  }

  public Inventory.Entry object() {
    return object;
  }

  public boolean isTransient() {
    return isTransient;
  }
}
