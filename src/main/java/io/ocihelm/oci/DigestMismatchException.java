package io.ocihelm.oci;

/**
 * Content whose sha256 (or size) differs from the digest that named it. The bytes are discarded;
 * retrying may help when a proxy corrupted them, so it is transient.
 */
public final class DigestMismatchException extends RegistryException {
  public DigestMismatchException(String message) {
    super(message, null);
  }

  @Override
  public boolean isTransient() {
    return true;
  }
}
