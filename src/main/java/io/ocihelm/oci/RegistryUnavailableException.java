package io.ocihelm.oci;

/** Connection failures, timeouts, 429 and 5xx that outlasted our retries; worth trying later. */
public final class RegistryUnavailableException extends RegistryException {
  public RegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
