package io.ocihelm.oci;

/** The repository, tag, digest or a version matching the constraint does not exist. */
public final class ChartNotFoundException extends RegistryException {
  public ChartNotFoundException(String message) {
    super(message, null);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
