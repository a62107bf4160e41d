package io.ocihelm.oci;

/** A chart reference or version string that cannot name anything in a registry (terminal). */
public final class InvalidReferenceException extends RegistryException {
  public InvalidReferenceException(String message) {
    super(message, null);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
